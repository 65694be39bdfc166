//! Placeholder until the claim language lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp { Add, Sub, Mul, Div }
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation { Eq, Approx, Lt, Le, Gt, Ge, Ne }
