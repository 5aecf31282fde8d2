//! Template functions: Go's built-ins (`eq`, `index`, `len`, `printf`, …)
//! and the ones Podman adds (`json`, `join`, `lower`, `pad`, `split`,
//! `title`, `truncate`, `upper`). `and` and `or` are evaluated lazily by
//! the executor, as Go does.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::value::{Value, format_float};
use crate::log::go_quote;

pub type Func = fn(&[Value]) -> Result<Value, String>;

/// The function called `name`, if there is one. `and` and `or` are listed
/// (for the parser) but run by the executor.
pub fn lookup(name: &str) -> Option<Func> {
    Some(match name {
        "and" | "or" => unreachable_lazy,
        "call" => call,
        "eq" => eq,
        "ge" => |a| compare("ge", a, |o| o.is_ge()),
        "gt" => |a| compare("gt", a, |o| o.is_gt()),
        "html" => html,
        "index" => index,
        "js" => js,
        "json" => json,
        "join" => join,
        "le" => |a| compare("le", a, |o| o.is_le()),
        "len" => len,
        "lower" => |a| Ok(Value::Str(string_arg("lower", a, 0, 1)?.to_lowercase())),
        "lt" => |a| compare("lt", a, |o| o.is_lt()),
        "ne" => ne,
        "not" => |a| Ok(Value::Bool(!one("not", a)?.is_true())),
        "pad" => pad,
        "print" => |a| Ok(Value::Str(sprint(a))),
        "printf" => printf,
        "println" => |a| Ok(Value::Str(sprintln(a))),
        "slice" => slice,
        "split" => split,
        "title" => |a| Ok(Value::Str(title(string_arg("title", a, 0, 1)?))),
        "truncate" => truncate,
        "upper" => |a| Ok(Value::Str(string_arg("upper", a, 0, 1)?.to_uppercase())),
        "urlquery" => urlquery,
        _ => return None,
    })
}

fn unreachable_lazy(_: &[Value]) -> Result<Value, String> {
    Err("and/or are evaluated by the executor".into())
}

fn arity(name: &str, args: &[Value], want: usize) -> Result<(), String> {
    if args.len() != want {
        return Err(format!(
            "wrong number of args for {name}: want {want} got {}",
            args.len()
        ));
    }
    Ok(())
}

fn one<'a>(name: &str, args: &'a [Value]) -> Result<&'a Value, String> {
    arity(name, args, 1)?;
    Ok(&args[0])
}

fn wrong_type(expected: &str, got: &Value) -> String {
    match got {
        Value::Missing => format!("invalid value; expected {expected}"),
        other => format!(
            "wrong type for value; expected {expected}; got {}",
            other.type_name()
        ),
    }
}

/// Argument `i` of `count` as a string.
fn string_arg<'a>(
    name: &str,
    args: &'a [Value],
    i: usize,
    count: usize,
) -> Result<&'a str, String> {
    arity(name, args, count)?;
    match &args[i] {
        Value::Str(s) => Ok(s),
        other => Err(wrong_type("string", other)),
    }
}

fn int_arg(args: &[Value], i: usize) -> Result<i64, String> {
    match &args[i] {
        Value::Int(n) => Ok(*n),
        other => Err(wrong_type("int", other)),
    }
}

fn call(_: &[Value]) -> Result<Value, String> {
    Err("call: no functions in this data".into())
}

fn json(args: &[Value]) -> Result<Value, String> {
    Ok(Value::Str(one("json", args)?.to_json()))
}

fn join(args: &[Value]) -> Result<Value, String> {
    arity("join", args, 2)?;
    let Value::List(items) = &args[0] else {
        return Err(wrong_type("[]string", &args[0]));
    };
    let separator = string_arg("join", args, 1, 2)?;
    let mut parts = Vec::with_capacity(items.len());
    for item in items.iter() {
        match item {
            Value::Str(s) => parts.push(s.as_str()),
            other => return Err(wrong_type("string", other)),
        }
    }
    Ok(Value::Str(parts.join(separator)))
}

fn split(args: &[Value]) -> Result<Value, String> {
    let text = string_arg("split", args, 0, 2)?;
    let separator = string_arg("split", args, 1, 2)?;
    let parts: Vec<Value> = if separator.is_empty() {
        text.chars().map(|c| Value::Str(c.to_string())).collect()
    } else {
        text.split(separator).map(Value::from).collect()
    };
    Ok(Value::list(parts))
}

fn pad(args: &[Value]) -> Result<Value, String> {
    let text = string_arg("pad", args, 0, 3)?;
    if text.is_empty() {
        return Ok(Value::Str(String::new()));
    }
    let width = |i| int_arg(args, i).map(|n| " ".repeat(usize::try_from(n).unwrap_or(0)));
    Ok(Value::Str(format!("{}{text}{}", width(1)?, width(2)?)))
}

fn truncate(args: &[Value]) -> Result<Value, String> {
    let text = string_arg("truncate", args, 0, 2)?;
    let length = usize::try_from(int_arg(args, 1)?).unwrap_or(0);
    if text.len() < length {
        return Ok(Value::Str(text.to_string()));
    }
    let mut end = length;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Ok(Value::Str(text[..end].to_string()))
}

/// Go's `strings.Title`: the first letter of each word upper-cased.
fn title(text: &str) -> String {
    let separator = |c: char| {
        if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else {
            !c.is_alphanumeric() && c.is_whitespace()
        }
    };
    let mut previous = ' ';
    text.chars()
        .flat_map(|c| {
            let upper = separator(previous);
            previous = c;
            if upper {
                c.to_uppercase().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn len(args: &[Value]) -> Result<Value, String> {
    Ok(Value::Int(match one("len", args)? {
        Value::Str(s) => s.len() as i64,
        Value::List(items) => items.len() as i64,
        Value::Map(entries) => entries.len() as i64,
        other => return Err(format!("len of type {}", other.type_name())),
    }))
}

fn index(args: &[Value]) -> Result<Value, String> {
    let Some((item, keys)) = args.split_first() else {
        return Err("wrong number of args for index: want at least 1 got 0".into());
    };
    let mut item = item.clone();
    for key in keys {
        item = match (&item, key) {
            (Value::List(items), Value::Int(i)) => usize::try_from(*i)
                .ok()
                .and_then(|i| items.get(i))
                .cloned()
                .ok_or_else(|| format!("error calling index: index out of range: {i}"))?,
            (Value::Str(s), Value::Int(i)) => usize::try_from(*i)
                .ok()
                .and_then(|i| s.as_bytes().get(i))
                .map(|b| Value::Int(i64::from(*b)))
                .ok_or_else(|| format!("error calling index: index out of range: {i}"))?,
            (Value::Map(entries), Value::Str(k)) => match entries.get(k) {
                Some(value) => value.clone(),
                None => zero_of(entries),
            },
            (Value::Missing | Value::Nil, _) => {
                return Err("error calling index: index of untyped nil".into());
            }
            (Value::List(_) | Value::Str(_), other) => {
                return Err(format!(
                    "error calling index: cannot index slice/array with type {}",
                    other.type_name()
                ));
            }
            (other, _) => {
                return Err(format!(
                    "error calling index: can't index item of type {}",
                    other.type_name()
                ));
            }
        };
    }
    Ok(item)
}

/// What Go's `index` gives for a key a map lacks: its element type's zero
/// value — "" for the string maps (labels, options) templates mostly index.
fn zero_of(entries: &BTreeMap<String, Value>) -> Value {
    match entries.values().next() {
        None | Some(Value::Str(_)) => Value::Str(String::new()),
        Some(Value::Int(_)) => Value::Int(0),
        Some(Value::Bool(_)) => Value::Bool(false),
        Some(_) => Value::Nil,
    }
}

fn slice(args: &[Value]) -> Result<Value, String> {
    let Some((item, bounds)) = args.split_first() else {
        return Err("wrong number of args for slice: want at least 1 got 0".into());
    };
    let length = match item {
        Value::Str(s) => s.len(),
        Value::List(items) => items.len(),
        other => return Err(format!("can't slice item of type {}", other.type_name())),
    };
    if bounds.len() > 2 {
        return Err("too many slice indexes".into());
    }
    let mut at = [0, length];
    for (i, bound) in bounds.iter().enumerate() {
        at[i] = match bound {
            Value::Int(n) => usize::try_from(*n).map_err(|_| format!("index out of range: {n}"))?,
            other => return Err(wrong_type("int", other)),
        };
    }
    if at[0] > at[1] || at[1] > length {
        return Err(format!("invalid slice index: {} > {}", at[0], at[1]));
    }
    Ok(match item {
        Value::Str(s) => Value::Str(s.get(at[0]..at[1]).unwrap_or_default().to_string()),
        Value::List(items) => Value::list(items[at[0]..at[1]].to_vec()),
        _ => unreachable!("checked above"),
    })
}

/// Go's `eq`: true when the first argument equals any of the others.
fn eq(args: &[Value]) -> Result<Value, String> {
    let Some((first, others)) = args.split_first().filter(|(_, o)| !o.is_empty()) else {
        return Err("missing argument for comparison".into());
    };
    for other in others {
        if equal(first, other)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn ne(args: &[Value]) -> Result<Value, String> {
    arity("ne", args, 2)?;
    Ok(Value::Bool(!equal(&args[0], &args[1])?))
}

fn equal(a: &Value, b: &Value) -> Result<bool, String> {
    Ok(match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Time(x), Value::Time(y)) => x == y,
        (Value::Nil, Value::Nil) => true,
        (Value::Nil, _) | (_, Value::Nil) => false,
        (Value::Missing, _) | (_, Value::Missing) => {
            return Err("invalid type for comparison".into());
        }
        (Value::List(_) | Value::Map(_), _) | (_, Value::List(_) | Value::Map(_)) => {
            return Err("non-comparable type".into());
        }
        (Value::Struct(x), Value::Struct(y)) => x == y,
        _ => return Err("incompatible types for comparison".into()),
    })
}

fn compare(
    name: &str,
    args: &[Value],
    test: fn(std::cmp::Ordering) -> bool,
) -> Result<Value, String> {
    arity(name, args, 2)?;
    let order = match (&args[0], &args[1]) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).ok_or("NaN is not ordered")?,
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        (Value::Time(x), Value::Time(y)) => x.cmp(y),
        (
            Value::Int(_) | Value::Float(_) | Value::Str(_),
            Value::Int(_) | Value::Float(_) | Value::Str(_),
        ) => {
            return Err("incompatible types for comparison".into());
        }
        _ => return Err("invalid type for comparison".into()),
    };
    Ok(Value::Bool(test(order)))
}

fn html(args: &[Value]) -> Result<Value, String> {
    let text = sprint(args);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&#39;"),
            '"' => out.push_str("&#34;"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Ok(Value::Str(out))
}

fn js(args: &[Value]) -> Result<Value, String> {
    let text = sprint(args);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    Ok(Value::Str(out))
}

fn urlquery(args: &[Value]) -> Result<Value, String> {
    let text = sprint(args);
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    Ok(Value::Str(out))
}

/// Go's `fmt.Sprint`: a space between operands when neither is a string.
pub fn sprint(args: &[Value]) -> String {
    let mut out = String::new();
    for (i, arg) in args.iter().enumerate() {
        let is_string = |v: &Value| matches!(v, Value::Str(_));
        if i > 0 && !is_string(arg) && !is_string(&args[i - 1]) {
            out.push(' ');
        }
        let _ = write!(out, "{arg}");
    }
    out
}

fn sprintln(args: &[Value]) -> String {
    let parts: Vec<String> = args.iter().map(ToString::to_string).collect();
    parts.join(" ") + "\n"
}

fn printf(args: &[Value]) -> Result<Value, String> {
    let Some((format, rest)) = args.split_first() else {
        return Err("wrong number of args for printf: want at least 1 got 0".into());
    };
    let Value::Str(format) = format else {
        return Err(wrong_type("string", format));
    };
    Ok(Value::Str(sprintf(format, rest)))
}

/// The flags, width and precision of one `%` directive.
#[derive(Default)]
struct Spec {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// Go's `fmt.Sprintf` for the verbs templates use: `%v %s %q %d %x %X %o
/// %b %c %e %f %g %t %%`, with flags, width and precision; mismatches are
/// written as Go writes them (`%!d(string=x)`, `%!s(MISSING)`).
pub fn sprintf(format: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    let mut next_arg = 0;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec::default();
        while let Some(&flag) = chars.peek() {
            match flag {
                '-' => spec.minus = true,
                '+' => spec.plus = true,
                '#' => spec.sharp = true,
                ' ' => spec.space = true,
                '0' => spec.zero = true,
                _ => break,
            }
            chars.next();
        }
        let number = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
            let mut n: Option<usize> = None;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = Some(n.unwrap_or(0) * 10 + d as usize);
                chars.next();
            }
            n
        };
        spec.width = number(&mut chars);
        if chars.peek() == Some(&'.') {
            chars.next();
            spec.precision = Some(number(&mut chars).unwrap_or(0));
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args.get(next_arg) else {
            let _ = write!(out, "%!{verb}(MISSING)");
            continue;
        };
        next_arg += 1;
        out.push_str(&format_one(verb, &spec, arg));
    }
    if next_arg < args.len() {
        out.push_str("%!(EXTRA ");
        let extra: Vec<String> = args[next_arg..]
            .iter()
            .map(|a| format!("{}={a}", a.type_name()))
            .collect();
        out.push_str(&extra.join(", "));
        out.push(')');
    }
    out
}

fn format_one(verb: char, spec: &Spec, arg: &Value) -> String {
    let bad = || format!("%!{verb}({}={arg})", arg.type_name());
    let (body, numeric) = match (verb, arg) {
        ('v', Value::Struct(s)) if spec.plus => {
            let fields: Vec<String> = s.fields.iter().map(|(k, v)| format!("{k}:{v}")).collect();
            (format!("{{{}}}", fields.join(" ")), false)
        }
        ('v', Value::Int(n)) => (signed(n.to_string(), *n < 0, spec), true),
        ('v', Value::Float(x)) => (signed(format_float(x.abs()), *x < 0.0, spec), true),
        ('v', _) => (arg.to_string(), false),
        (
            's',
            Value::Str(_) | Value::List(_) | Value::Map(_) | Value::Struct(_) | Value::Time(_),
        ) => {
            let mut text = arg.to_string();
            if let Some(p) = spec.precision {
                text = text.chars().take(p).collect();
            }
            (text, false)
        }
        ('q', Value::Str(s)) => (go_quote(s), false),
        ('q', Value::Int(n)) => (
            format!("'{}'", char::from_u32(*n as u32).unwrap_or('\u{FFFD}')),
            false,
        ),
        ('d', Value::Int(n)) => (signed(n.unsigned_abs().to_string(), *n < 0, spec), true),
        ('x' | 'X' | 'o' | 'b', Value::Int(n)) => {
            let magnitude = n.unsigned_abs();
            let mut digits = match verb {
                'x' => format!("{magnitude:x}"),
                'X' => format!("{magnitude:X}"),
                'o' => format!("{magnitude:o}"),
                _ => format!("{magnitude:b}"),
            };
            if spec.sharp {
                let prefix = match verb {
                    'x' => "0x",
                    'X' => "0X",
                    'o' => "0",
                    _ => "",
                };
                digits = format!("{prefix}{digits}");
            }
            (signed(digits, *n < 0, spec), true)
        }
        ('x' | 'X', Value::Str(s)) => {
            let hex: String = s.bytes().map(|b| format!("{b:02x}")).collect();
            (if verb == 'X' { hex.to_uppercase() } else { hex }, false)
        }
        ('c', Value::Int(n)) => (
            char::from_u32(*n as u32).unwrap_or('\u{FFFD}').to_string(),
            false,
        ),
        ('t', Value::Bool(b)) => (b.to_string(), false),
        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Value::Float(x)) => (
            signed(float_verb(verb, x.abs(), spec), *x < 0.0, spec),
            true,
        ),
        _ => return bad(),
    };
    pad_to_width(body, spec, numeric)
}

fn signed(digits: String, negative: bool, spec: &Spec) -> String {
    if negative {
        format!("-{digits}")
    } else if spec.plus {
        format!("+{digits}")
    } else if spec.space {
        format!(" {digits}")
    } else {
        digits
    }
}

fn float_verb(verb: char, x: f64, spec: &Spec) -> String {
    let exponent_form = |mantissa_digits: usize| {
        let text = format!("{x:.mantissa_digits$e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exponent.abs())
    };
    let text = match verb {
        'e' | 'E' => exponent_form(spec.precision.unwrap_or(6)),
        'f' | 'F' => format!("{x:.*}", spec.precision.unwrap_or(6)),
        _ => match spec.precision {
            None => format_float(x),
            Some(p) => {
                let p = p.max(1);
                let exp = if x == 0.0 {
                    0
                } else {
                    x.log10().floor() as i32
                };
                let text = if exp < -4 || exp >= p as i32 {
                    exponent_form(p - 1)
                } else {
                    format!("{x:.*}", usize::try_from(p as i32 - 1 - exp).unwrap_or(0))
                };
                if spec.sharp {
                    text
                } else {
                    trim_fraction_zeros(&text)
                }
            }
        },
    };
    if verb.is_ascii_uppercase() {
        text.to_uppercase()
    } else {
        text
    }
}

fn trim_fraction_zeros(text: &str) -> String {
    let (mantissa, exponent) = match text.find('e') {
        Some(i) => text.split_at(i),
        None => (text, ""),
    };
    let mantissa = if mantissa.contains('.') {
        mantissa.trim_end_matches('0').trim_end_matches('.')
    } else {
        mantissa
    };
    format!("{mantissa}{exponent}")
}

fn pad_to_width(body: String, spec: &Spec, numeric: bool) -> String {
    let Some(width) = spec.width else {
        return body;
    };
    let length = body.chars().count();
    if length >= width {
        return body;
    }
    let fill = width - length;
    if spec.minus {
        return format!("{body}{}", " ".repeat(fill));
    }
    if spec.zero && numeric {
        let sign_len = usize::from(body.starts_with(['-', '+', ' ']));
        let (sign, digits) = body.split_at(sign_len);
        return format!("{sign}{}{digits}", "0".repeat(fill));
    }
    format!("{}{body}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(name: &str, args: &[Value]) -> Result<Value, String> {
        lookup(name).unwrap()(args)
    }

    #[test]
    fn podman_functions() {
        let s = |v: &str| Value::from(v);
        assert_eq!(call("upper", &[s("ab")]).unwrap(), s("AB"));
        assert_eq!(
            call("title", &[s("hello wide_world x-y")]).unwrap(),
            s("Hello Wide_world X-Y")
        );
        assert_eq!(
            call("truncate", &[s("abcdef"), Value::Int(3)]).unwrap(),
            s("abc")
        );
        assert_eq!(
            call("truncate", &[s("ab"), Value::Int(3)]).unwrap(),
            s("ab")
        );
        assert_eq!(
            call("pad", &[s("x"), Value::Int(1), Value::Int(2)]).unwrap(),
            s(" x  ")
        );
        assert_eq!(
            call("pad", &[s(""), Value::Int(1), Value::Int(2)]).unwrap(),
            s("")
        );
        assert_eq!(
            call("split", &[s("a,b"), s(",")]).unwrap(),
            Value::strings(&["a", "b"])
        );
        assert_eq!(
            call("join", &[Value::strings(&["a", "b"]), s("-")]).unwrap(),
            s("a-b")
        );
        assert!(
            call("upper", &[Value::Int(1)])
                .unwrap_err()
                .contains("expected string")
        );
    }

    #[test]
    fn printf_follows_go() {
        let f = |format: &str, args: &[Value]| sprintf(format, args);
        assert_eq!(f("%s-%d", &["a".into(), Value::Int(5)]), "a-5");
        assert_eq!(f("%5s|%-5s|", &["a".into(), "b".into()]), "    a|b    |");
        assert_eq!(
            f(
                "%05d %x %q",
                &[Value::Int(-42), Value::Int(255), "a\"b".into()]
            ),
            "-0042 ff \"a\\\"b\""
        );
        assert_eq!(
            f(
                "%.2f %g %e",
                &[
                    Value::Float(1.23456),
                    Value::Float(0.5),
                    Value::Float(1500.0)
                ]
            ),
            "1.23 0.5 1.500000e+03"
        );
        assert_eq!(f("%d", &["x".into()]), "%!d(string=x)");
        assert_eq!(f("%s %s", &["x".into()]), "x %!s(MISSING)");
        assert_eq!(f("%s", &["x".into(), "y".into()]), "x%!(EXTRA string=y)");
        assert_eq!(
            f("%v %t 100%%", &[Value::strings(&["a"]), Value::Bool(true)]),
            "[a] true 100%"
        );
    }

    #[test]
    fn comparisons_and_indexes() {
        assert_eq!(
            call("eq", &[Value::Int(1), Value::Int(2), Value::Int(1)]).unwrap(),
            Value::Bool(true)
        );
        assert!(call("eq", &[Value::Int(1), "1".into()]).is_err());
        assert_eq!(
            call("lt", &["a".into(), "b".into()]).unwrap(),
            Value::Bool(true)
        );
        let map = Value::from(BTreeMap::from([("k".to_string(), Value::from("v"))]));
        assert_eq!(
            call("index", &[map.clone(), "k".into()]).unwrap(),
            "v".into()
        );
        assert_eq!(call("index", &[map, "nope".into()]).unwrap(), "".into());
        assert!(call("index", &[Value::strings(&["a"]), Value::Int(3)]).is_err());
        assert_eq!(
            call("len", &[Value::strings(&["a", "b"])]).unwrap(),
            Value::Int(2)
        );
        assert_eq!(
            call("print", &["a".into(), Value::Int(1), Value::Int(2)]).unwrap(),
            "a1 2".into()
        );
    }
}
