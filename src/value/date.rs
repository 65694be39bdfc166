//! Calendar dates as day numbers (days since 1970-01-01), so that a date is an [`Interval`] like
//! every other value: "2011" is the 365 days of that year, "January 2009" its 31 days.

use jiff::civil::Date;

use super::Interval;

const EPOCH: Date = Date::constant(1970, 1, 1);

/// The day number of a calendar date, or `None` when the date does not exist (31 April).
pub fn day_number(year: i16, month: i8, day: i8) -> Option<f64> {
    let date = Date::new(year, month, day).ok()?;
    Some(f64::from(EPOCH.until(date).ok()?.get_days()))
}

/// The calendar date of a day number, or `None` outside jiff's supported years.
pub fn from_day_number(day: f64) -> Option<Date> {
    if !day.is_finite() || day.abs() > 3_000_000.0 {
        return None;
    }
    EPOCH.checked_add(jiff::Span::new().days(day as i64)).ok()
}

/// All days of a month.
pub fn month(year: i16, month: i8) -> Option<Interval> {
    let first = Date::new(year, month, 1).ok()?;
    let start = day_number(year, month, 1)?;
    Some(Interval::closed(
        start,
        start + f64::from(first.days_in_month()) - 1.0,
    ))
}

/// All days of a year.
pub fn year(year: i16) -> Option<Interval> {
    Some(Interval::closed(
        day_number(year, 1, 1)?,
        day_number(year, 12, 31)?,
    ))
}

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Describes a day range the way a newsroom writes it: "6 May 2014", "January 2009", "2011", or
/// "6 May 2014 .. 9 May 2014".
pub fn describe(range: &Interval) -> String {
    let (Some(first), Some(last)) = (from_day_number(range.lo), from_day_number(range.hi)) else {
        return format!("days {range}");
    };
    let month_name = |d: Date| MONTHS[(d.month() - 1) as usize];
    if first == last {
        return format!("{} {} {}", first.day(), month_name(first), first.year());
    }
    let whole_year =
        first.month() == 1 && first.day() == 1 && last.month() == 12 && last.day() == 31;
    if whole_year && first.year() == last.year() {
        return first.year().to_string();
    }
    if first.day() == 1 && last == first.last_of_month() {
        return format!("{} {}", month_name(first), first.year());
    }
    format!(
        "{} {} {} .. {} {} {}",
        first.day(),
        month_name(first),
        first.year(),
        last.day(),
        month_name(last),
        last.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number(1970, 1, 1), Some(0.0));
        assert_eq!(day_number(2009, 1, 1), Some(14245.0));
        assert_eq!(day_number(2013, 4, 31), None);
        assert_eq!(from_day_number(14245.0), Some(Date::constant(2009, 1, 1)));
    }

    #[test]
    fn ranges_describe_themselves_at_their_precision() {
        assert_eq!(describe(&month(2009, 1).unwrap()), "January 2009");
        assert_eq!(describe(&year(2011).unwrap()), "2011");
        let may6 = day_number(2014, 5, 6).unwrap();
        assert_eq!(describe(&Interval::point(may6)), "6 May 2014");
    }
}
