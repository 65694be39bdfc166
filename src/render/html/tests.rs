//! Unit tests of the HTML renderer.
