//! Story details set aside on disk. A run too large to keep its article texts in memory is too
//! large to keep every status and mention of every version too: an archive's run would then
//! grow with the archive. Each story's details are written, once checked, to one scratch file
//! that nobody else can see (created unlinked), and read back a story at a time by the
//! renderers, which stream.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Mutex;

/// Where in the scratch file one story's details lie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    offset: u64,
    len: usize,
}

/// The scratch file: appended to by the threads that check stories, read by the renderers.
#[derive(Debug)]
pub struct Spill {
    file: Mutex<File>,
}

impl Spill {
    /// A scratch file in the system's temporary folder, removed when the run ends (even if it
    /// is killed: the file has no name).
    pub fn new() -> std::io::Result<Spill> {
        Ok(Spill {
            file: Mutex::new(tempfile::tempfile()?),
        })
    }

    pub fn put(&self, bytes: &[u8]) -> std::io::Result<Place> {
        let mut file = self.lock();
        let offset = file.seek(SeekFrom::End(0))?;
        file.write_all(bytes)?;
        Ok(Place {
            offset,
            len: bytes.len(),
        })
    }

    pub fn get(&self, place: Place) -> std::io::Result<Vec<u8>> {
        let mut file = self.lock();
        file.seek(SeekFrom::Start(place.offset))?;
        let mut bytes = vec![0; place.len];
        file.read_exact(&mut bytes)?;
        Ok(bytes)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, File> {
        // A thread that panicked while holding the file left it at some offset; every use
        // seeks first, so the file is still sound.
        self.file.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_put_is_got_back_whatever_the_order() {
        let spill = Spill::new().unwrap();
        let a = spill.put(b"first story").unwrap();
        let b = spill.put(b"").unwrap();
        let c = spill.put(b"third").unwrap();
        assert_eq!(spill.get(c).unwrap(), b"third");
        assert_eq!(spill.get(a).unwrap(), b"first story");
        assert_eq!(spill.get(b).unwrap(), b"");
    }
}
