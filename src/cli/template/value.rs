//! What templates see: Go's kinds of values, printed as Go's `fmt` prints
//! them (`[a b]`, `map[k:v]`, `{x y}`, `<nil>`, `<no value>`, times as
//! `2006-01-02 15:04:05.999999999 -0700 MST`), true or false as Go's `if`
//! decides, and encoded as Go's `encoding/json` does.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::{self, Write};
use std::rc::Rc;

use chrono::{DateTime, FixedOffset};

/// One value in a template's data; lists, maps and structs are shared, so
/// passing them around (dot, variables, `range`) copies nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Go's invalid value, what a missing map key gives: prints `<no value>`.
    Missing,
    /// A nil pointer or interface: prints `<nil>`.
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A `time.Time`.
    Time(DateTime<FixedOffset>),
    List(Rc<Vec<Value>>),
    /// A Go map: its keys are data (`{{.Labels.app}}`, a missing one is
    /// `<no value>`), ranged over and printed in sorted order.
    Map(Rc<BTreeMap<String, Value>>),
    /// A Go struct: its fields are named by the program (a missing one is an error).
    Struct(Rc<Struct>),
}

/// A Go struct's fields in their order, and its type's name for error messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    pub type_name: &'static str,
    pub fields: Vec<(Cow<'static, str>, Value)>,
}

impl Struct {
    pub fn new(type_name: &'static str) -> Struct {
        Struct {
            type_name,
            fields: Vec::new(),
        }
    }

    /// Adds a field (builder style).
    pub fn with(mut self, name: &'static str, value: impl Into<Value>) -> Struct {
        self.fields.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// Adds a field when `wanted` reads it, computing its value only then.
    pub fn with_wanted(
        mut self,
        wanted: &super::Wanted,
        name: &'static str,
        value: impl FnOnce() -> Value,
    ) -> Struct {
        if wanted.has(name) {
            self.fields.push((Cow::Borrowed(name), value()));
        }
        self
    }

    pub fn field(&self, name: &str) -> Option<&Value> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

impl From<Struct> for Value {
    fn from(s: Struct) -> Value {
        Value::Struct(Rc::new(s))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::Str(s.clone())
    }
}

macro_rules! from_int {
    ($($t:ty)*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                Value::Int(i64::from(n))
            }
        }
    )*};
}
from_int!(i8 i16 i32 i64 u8 u16 u32);

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        i64::try_from(n).map_or(Value::Float(n as f64), Value::Int)
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::from(n as u64)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Value {
        Value::list(items.into_iter().map(Into::into).collect())
    }
}

impl From<BTreeMap<String, Value>> for Value {
    fn from(entries: BTreeMap<String, Value>) -> Value {
        Value::Map(Rc::new(entries))
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Nil, Into::into)
    }
}

impl Value {
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(items))
    }

    /// A list of strings.
    pub fn strings<S: AsRef<str>>(items: &[S]) -> Value {
        Value::list(
            items
                .iter()
                .map(|s| Value::Str(s.as_ref().into()))
                .collect(),
        )
    }

    /// A `map[string]string`.
    pub fn string_map<'a>(pairs: impl IntoIterator<Item = (&'a String, &'a String)>) -> Value {
        Value::from(
            pairs
                .into_iter()
                .map(|(k, v)| (k.clone(), Value::Str(v.clone())))
                .collect::<BTreeMap<_, _>>(),
        )
    }

    /// A `time.Time` from RFC 3339 text; `Nil` when absent or unreadable.
    pub fn time(rfc3339: Option<&str>) -> Value {
        rfc3339
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map_or(Value::Nil, Value::Time)
    }

    /// Go's name for the value's type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Missing => "<no value>",
            Value::Nil => "<nil>",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float64",
            Value::Str(_) => "string",
            Value::Time(_) => "time.Time",
            Value::List(_) => "[]interface {}",
            Value::Map(_) => "map[string]interface {}",
            Value::Struct(s) => s.type_name,
        }
    }

    /// True as Go's `if` takes it: not false, zero, empty or nil.
    pub fn is_true(&self) -> bool {
        match self {
            Value::Missing | Value::Nil => false,
            Value::Bool(b) => *b,
            Value::Int(n) => *n != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(items) => !items.is_empty(),
            Value::Map(entries) => !entries.is_empty(),
            Value::Time(_) | Value::Struct(_) => true,
        }
    }

    /// The value as Go's `encoding/json` writes it, compact.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        let quote = |s: &str, out: &mut String| {
            out.push_str(&serde_json::to_string(s).unwrap_or_default());
        };
        match self {
            Value::Missing | Value::Nil => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Value::Float(f) => out.push_str(
                &serde_json::Number::from_f64(*f).map_or("null".into(), |n| n.to_string()),
            ),
            Value::Str(s) => quote(s, out),
            Value::Time(t) => quote(&rfc3339_nano(t), out),
            Value::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Value::Map(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    quote(key, out);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
            Value::Struct(s) => {
                out.push('{');
                for (i, (key, value)) in s.fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    quote(key, out);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

/// Go's `%v`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Missing => f.write_str("<no value>"),
            Value::Nil => f.write_str("<nil>"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(n) => write!(f, "{n}"),
            Value::Float(x) => f.write_str(&format_float(*x)),
            Value::Str(s) => f.write_str(s),
            Value::Time(t) => f.write_str(&go_time(t)),
            Value::List(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(' ')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
            Value::Map(entries) => {
                f.write_str("map[")?;
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        f.write_char(' ')?;
                    }
                    write!(f, "{key}:{value}")?;
                }
                f.write_char(']')
            }
            Value::Struct(s) => {
                f.write_char('{')?;
                for (i, (_, value)) in s.fields.iter().enumerate() {
                    if i > 0 {
                        f.write_char(' ')?;
                    }
                    write!(f, "{value}")?;
                }
                f.write_char('}')
            }
        }
    }
}

/// A float as Go's `%v` prints it: the shortest digits that read back the
/// same, in exponent form below 1e-4 and from 1e+06 (`1.5e+06`).
pub fn format_float(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let exp = x.abs().log10().floor() as i32;
    if (-4..6).contains(&exp) {
        return format!("{x}");
    }
    let scientific = format!("{x:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exponent.abs())
}

/// Go's `time.Time.String()` (without a monotonic reading).
pub fn go_time(t: &DateTime<FixedOffset>) -> String {
    let offset = t.offset().local_minus_utc();
    let zone = if offset == 0 {
        "UTC".to_string()
    } else {
        numeric_offset(offset, "")
    };
    format!(
        "{}{} {} {zone}",
        t.format("%Y-%m-%d %H:%M:%S"),
        fraction(t),
        numeric_offset(offset, "")
    )
}

/// Go's `time.RFC3339Nano`: trailing zeros of the fraction dropped, `Z` for UTC.
pub fn rfc3339_nano(t: &DateTime<FixedOffset>) -> String {
    let offset = t.offset().local_minus_utc();
    let zone = if offset == 0 {
        "Z".to_string()
    } else {
        numeric_offset(offset, ":")
    };
    format!("{}{}{zone}", t.format("%Y-%m-%dT%H:%M:%S"), fraction(t))
}

fn fraction(t: &DateTime<FixedOffset>) -> String {
    use chrono::Timelike;
    let nanos = t.nanosecond() % 1_000_000_000;
    if nanos == 0 {
        return String::new();
    }
    let digits = format!(".{nanos:09}");
    digits.trim_end_matches('0').to_string()
}

fn numeric_offset(seconds: i32, separator: &str) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{separator}{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_as_go_fmt() {
        let list = Value::strings(&["a", "b"]);
        assert_eq!(list.to_string(), "[a b]");
        let map = Value::from(
            [("z", 1), ("a", 2)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), Value::Int(v)))
                .collect::<BTreeMap<_, _>>(),
        );
        assert_eq!(map.to_string(), "map[a:2 z:1]");
        assert_eq!(Value::from(BTreeMap::new()).to_string(), "map[]");
        let s = Struct::new("T").with("A", "x").with("B", 3);
        assert_eq!(Value::from(s).to_string(), "{x 3}");
        assert_eq!(Value::Missing.to_string(), "<no value>");
        assert_eq!(Value::Nil.to_string(), "<nil>");
        assert_eq!(format_float(1_000_000.0), "1e+06");
        assert_eq!(format_float(1_500_000.0), "1.5e+06");
        assert_eq!(format_float(2.5), "2.5");
        assert_eq!(format_float(0.00001), "1e-05");
        assert_eq!(format_float(123456.0), "123456");
    }

    #[test]
    fn times_read_as_go_prints_them() {
        let t = Value::time(Some("2022-06-15T12:34:56.120Z"));
        assert_eq!(t.to_string(), "2022-06-15 12:34:56.12 +0000 UTC");
        assert_eq!(t.to_json(), "\"2022-06-15T12:34:56.12Z\"");
        let t = Value::time(Some("2022-06-15T12:34:56+01:00"));
        assert_eq!(t.to_string(), "2022-06-15 12:34:56 +0100 +0100");
        assert_eq!(t.to_json(), "\"2022-06-15T12:34:56+01:00\"");
    }

    #[test]
    fn json_keeps_struct_order_and_sorts_maps() {
        let labels = Value::from(BTreeMap::from([
            ("b".to_string(), Value::from("2")),
            ("a".into(), "1".into()),
        ]));
        let s = Struct::new("T")
            .with("Z", true)
            .with("A", labels)
            .with("N", Value::Nil);
        assert_eq!(
            Value::from(s).to_json(),
            r#"{"Z":true,"A":{"a":"1","b":"2"},"N":null}"#
        );
    }

    #[test]
    fn truth_is_go_truth() {
        assert!(!Value::Str(String::new()).is_true());
        assert!(!Value::list(vec![]).is_true());
        assert!(!Value::Int(0).is_true());
        assert!(!Value::Missing.is_true());
        assert!(Value::from(Struct::new("T")).is_true());
        assert!(Value::from("x").is_true());
    }
}
