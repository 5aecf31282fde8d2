//! Finding one object of many by what a user typed: its name, its full ID,
//! or a prefix of its ID that only it has (containers', pods' rule).

/// What `input` names among some objects.
pub enum Lookup<T> {
    One(T),
    None,
    /// A prefix more than one ID starts with: each of them as `ID12 (name)`.
    Many(Vec<String>),
}

/// The object named `input` in `all`: a name first, else an ID prefix
/// (a full ID is a prefix of itself).
pub fn by_name_or_id<T>(
    all: Vec<T>,
    input: &str,
    name: impl Fn(&T) -> &str,
    id: impl Fn(&T) -> &str,
) -> Lookup<T> {
    let (named, others): (Vec<T>, Vec<T>) = all.into_iter().partition(|o| name(o) == input);
    if let Some(found) = named.into_iter().next() {
        return Lookup::One(found);
    }
    let mut matching: Vec<T> = others
        .into_iter()
        .filter(|o| !input.is_empty() && id(o).starts_with(input))
        .collect();
    match matching.len() {
        0 => Lookup::None,
        1 => Lookup::One(matching.remove(0)),
        _ => Lookup::Many(
            matching
                .iter()
                .map(|o| format!("{} ({})", &id(o)[..12.min(id(o).len())], name(o)))
                .collect(),
        ),
    }
}
