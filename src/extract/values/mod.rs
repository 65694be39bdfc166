//! Stand-in until the value recognisers land.
use crate::text::token::Token;
use crate::value::Value;
use std::ops::Range;
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    pub published: Option<f64>,
    pub month_first: bool,
}
#[derive(Clone, Debug, PartialEq)]
pub struct ValueMention {
    pub tokens: Range<usize>,
    pub value: Value,
    pub vague: bool,
    pub head: Option<Range<usize>>,
    pub generic_head: bool,
}
pub fn recognise(_text: &str, _tokens: &[Token], _ctx: &Context) -> Vec<ValueMention> {
    Vec::new()
}
pub fn parse_literal(_s: &str, _ctx: &Context) -> Option<(Value, bool)> {
    None
}
