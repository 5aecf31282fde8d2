use std::collections::HashSet;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::report::{self, Report};
use super::template::{Struct, Value};
use super::{Context, EXIT_ENGINE, Failure, Outcome, human};
use crate::container::Containers;
use crate::image;
use crate::image::config::ImageConfig;
use crate::storage::store::{ImageRecord, Store};

#[derive(Debug, Args)]
pub struct ImagesArgs {
    /// Show only images this reference names: full, without registry or tag, or its last component (any tag when none is given); `*`, `?` and `[...]` globs as Podman; or an ID prefix
    #[arg(value_name = "IMAGE")]
    pub image: Option<String>,
    /// Print only image IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Show all images, intermediate ones too (a build's unnamed steps)
    #[arg(short, long)]
    pub all: bool,
    /// Show digests
    #[arg(long)]
    pub digests: bool,
    /// Do not truncate image IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print the header line
    #[arg(short = 'n', long)]
    pub noheading: bool,
    /// Show only images that match: reference=, before=IMAGE, after=/since=IMAGE, dangling=true|false, intermediate=true|false, label=KEY[=VALUE], id=, containers=true|false, readonly=, until=
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// json, a Go template ('{{.Repository}}:{{.Tag}} {{.ID}}') or a table ('table {{.ID}} {{.Size}}')
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Sort by: created (newest first, the default), id, repository, size, tag
    #[arg(long, value_enum, default_value = "created", value_name = "FIELD")]
    pub sort: SortKey,
    /// Show the names each image has had
    #[arg(long)]
    pub history: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    Created,
    Id,
    Repository,
    Size,
    Tag,
}

type Labels = std::collections::BTreeMap<String, String>;

/// One line of the listing: an image under one of its names.
struct Row<'a> {
    image: &'a ImageRecord,
    repository: String,
    tag: String,
    labels: &'a Labels,
}

pub fn run(ctx: &Context, args: ImagesArgs) -> Outcome {
    if !args.filter.is_empty() && args.image.is_some() {
        return Err(Failure::new(
            EXIT_ENGINE,
            "cannot specify an image and a filter(s)",
        ));
    }
    let json = args.format.as_deref().is_some_and(report::is_json);
    let report = match args.format.as_deref().filter(|_| !json) {
        Some(format) => Report::user("images", format)?,
        None => Report::podman("images", &default_row(&args)),
    };
    let store = Store::open(&ctx.paths.root)?;
    let mut images = store.images()?;
    let intermediate = image::local::intermediate(&images);
    if let Some(reference) = &args.image {
        images.retain(|i| image::matches_filter(i, reference));
    } else if !args.all && !args.filter.iter().any(|f| f.starts_with("intermediate=")) {
        images.retain(|i| !intermediate.contains(&i.id));
    }
    let filter = ImageFilter::parse(&args.filter, &store)?;
    let used = if filter.containers.is_some() {
        Containers::open(store.root()).and_then(|c| c.image_ids())?
    } else {
        HashSet::new()
    };
    let images: Vec<(ImageRecord, Labels)> = images
        .into_iter()
        .map(|image| {
            let labels = image_labels(&store, &image);
            (image, labels)
        })
        .filter(|(image, labels)| filter.matches(image, labels, &used, &intermediate))
        .collect();
    if json {
        let list: Vec<serde_json::Value> = images
            .iter()
            .map(|(image, labels)| json_entry(image, labels))
            .collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(0);
    }
    let mut rows: Vec<Row> = Vec::new();
    for (image, labels) in &images {
        let names: Vec<(String, String)> = image
            .names
            .iter()
            .map(|n| image::split_tag(n))
            .filter(|(_, tag)| tag != "<none>")
            .collect();
        if names.is_empty() {
            rows.push(Row {
                image,
                repository: "<none>".into(),
                tag: "<none>".into(),
                labels,
            });
            continue;
        }
        for (repository, tag) in names {
            rows.push(Row {
                image,
                repository,
                tag,
                labels,
            });
        }
    }
    sort(&mut rows, args.sort);
    let id = |image: &ImageRecord| {
        if args.no_trunc {
            format!("sha256:{}", image.id)
        } else {
            image.id[..12.min(image.id.len())].to_string()
        }
    };
    if args.quiet {
        let mut seen = HashSet::new();
        for row in &rows {
            if seen.insert(&row.image.id) {
                println!("{}", id(row.image));
            }
        }
        return Ok(0);
    }
    let values = Value::list(
        rows.iter()
            .map(|row| template_row(row, &id(row.image)))
            .collect(),
    );
    let headers = (report.is_table() && !args.noheading).then(|| headers(&report));
    print!("{}", report.render(headers, &values)?);
    Ok(0)
}

fn default_row(args: &ImagesArgs) -> String {
    let mut row = vec![
        "{{if .Repository}}{{.Repository}}{{else}}<none>{{end}}",
        "{{if .Tag}}{{.Tag}}{{else}}<none>{{end}}",
    ];
    if args.digests {
        row.push("{{.Digest}}");
    }
    row.extend(["{{.ID}}", "{{.Created}}", "{{.Size}}"]);
    if args.history {
        row.push("{{if .History}}{{.History}}{{else}}<none>{{end}}");
    }
    row.join("\t")
}

/// The header of each field an images template can show.
fn headers(report: &Report) -> Value {
    report.headers(
        &[
            "Repository",
            "Tag",
            "ParentId",
            "RepoTags",
            "RepoDigests",
            "Created",
            "Size",
            "SharedSize",
            "VirtualSize",
            "Labels",
            "Containers",
            "Dangling",
            "Names",
            "Digest",
            "History",
        ],
        &[("ID", "IMAGE ID"), ("ReadOnly", "R/O")],
    )
}

fn sort(rows: &mut [Row], key: SortKey) {
    match key {
        SortKey::Created => rows.sort_by_key(|r| std::cmp::Reverse(created(r.image))),
        SortKey::Id => rows.sort_by(|a, b| a.image.id.cmp(&b.image.id)),
        SortKey::Repository => rows.sort_by(|a, b| a.repository.cmp(&b.repository)),
        SortKey::Size => rows.sort_by_key(|r| r.image.size),
        SortKey::Tag => rows.sort_by(|a, b| a.tag.cmp(&b.tag)),
    }
}

/// The image's creation time in seconds since the epoch, as Podman keeps it.
fn created(image: &ImageRecord) -> i64 {
    image
        .created
        .as_deref()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map_or(0, |t| t.timestamp())
}

/// The image's labels, from its config.
fn image_labels(store: &Store, image: &ImageRecord) -> Labels {
    ImageConfig::read(store, image)
        .ok()
        .and_then(|config| config.defaults().labels().clone())
        .map(Labels::from_iter)
        .unwrap_or_default()
}

fn created_time(image: &ImageRecord) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::from_timestamp(created(image), 0)
        .unwrap_or_default()
        .fixed_offset()
}

/// One row as images templates see it: Podman's ImageSummary fields and
/// imageReporter's methods (`.ID` shortened, `.Created` in words, `.Size` in units).
fn template_row(row: &Row, id: &str) -> Value {
    let image = row.image;
    let since = format!(
        "{} ago",
        human::duration((chrono::Utc::now().timestamp() - created(image)).max(0))
    );
    let created_at = super::template::Value::Time(created_time(image)).to_string();
    Struct::new("images.imageReporter")
        .with("Repository", row.repository.as_str())
        .with("Tag", row.tag.as_str())
        .with("ID", id)
        .with("ParentId", "")
        .with("RepoTags", Value::strings(&image.names))
        .with("RepoDigests", Value::strings(&image.repo_digests))
        .with("Created", since.as_str())
        .with("CreatedAt", created_at.as_str())
        .with("CreatedSince", since.as_str())
        .with("CreatedTime", created_at)
        .with("Size", human::size(image.size))
        .with("SharedSize", 0)
        .with("VirtualSize", image.size)
        .with("Labels", Value::string_map(row.labels))
        .with("Containers", 0)
        .with("ReadOnly", false)
        .with("Dangling", image.names.is_empty())
        .with("Names", Value::strings(&image.names))
        .with("Digest", image.digest.as_str())
        .with("History", image.names_history.join(", "))
        .into()
}

/// One image as `images --format json` prints it (Podman's ImageSummary).
fn json_entry(image: &ImageRecord, labels: &Labels) -> serde_json::Value {
    json!({
        "Id": image.id,
        "ParentId": "",
        "RepoTags": null,
        "RepoDigests": image.repo_digests,
        "Size": image.size,
        "SharedSize": 0,
        "VirtualSize": image.size,
        "Labels": if labels.is_empty() { serde_json::Value::Null } else { json!(labels) },
        "Containers": 0,
        "Names": image.names,
        "Digest": image.digest,
        "History": image.names_history,
        "Created": created(image),
        "CreatedAt": super::template::Value::Time(created_time(image)).to_json().trim_matches('"'),
    })
}

/// `images --filter`: every key given must match; for a key, one of its values.
#[derive(Default)]
struct ImageFilter {
    references: Vec<String>,
    /// Created before / after this time (seconds since the epoch).
    before: Option<i64>,
    after: Option<i64>,
    until: Option<i64>,
    dangling: Option<bool>,
    labels: Vec<(String, Option<String>)>,
    ids: Vec<String>,
    containers: Option<bool>,
    readonly: Option<bool>,
    intermediate: Option<bool>,
}

impl ImageFilter {
    fn parse(terms: &[String], store: &Store) -> Result<ImageFilter, Failure> {
        let mut filter = ImageFilter::default();
        for term in terms {
            let bad = |why: &str| {
                Failure::new(EXIT_ENGINE, format!("invalid image filter {term:?}: {why}"))
            };
            let Some((key, value)) = term.split_once('=') else {
                return Err(bad("use KEY=VALUE"));
            };
            let boolean = || match value {
                "true" | "1" => Ok(true),
                "false" | "0" => Ok(false),
                _ => Err(bad("the value is true or false")),
            };
            match key {
                "reference" => filter.references.push(value.into()),
                "before" | "after" | "since" => {
                    let time = created(&image::lookup(store, value)?);
                    if key == "before" {
                        filter.before = Some(time);
                    } else {
                        filter.after = Some(time);
                    }
                }
                "until" => {
                    let time = chrono::DateTime::parse_from_rfc3339(value)
                        .map(|t| t.timestamp())
                        .or_else(|_| value.parse::<i64>())
                        .map_err(|_| {
                            bad("until takes a timestamp: RFC 3339 or seconds since the epoch")
                        })?;
                    filter.until = Some(time);
                }
                "dangling" => filter.dangling = Some(boolean()?),
                "label" => filter.labels.push(match value.split_once('=') {
                    Some((k, v)) => (k.into(), Some(v.into())),
                    None => (value.into(), None),
                }),
                "id" => filter.ids.push(value.trim_start_matches("sha256:").into()),
                "containers" => filter.containers = Some(boolean()?),
                "readonly" => filter.readonly = Some(boolean()?),
                "intermediate" => filter.intermediate = Some(boolean()?),
                _ => {
                    return Err(Failure::new(
                        EXIT_ENGINE,
                        format!("{key} is an invalid filter"),
                    ));
                }
            }
        }
        Ok(filter)
    }

    fn matches(
        &self,
        image: &ImageRecord,
        labels: &Labels,
        used: &HashSet<String>,
        intermediate: &HashSet<String>,
    ) -> bool {
        let time = created(image);
        (self.references.is_empty()
            || self
                .references
                .iter()
                .any(|r| image::matches_filter(image, r)))
            && self.before.is_none_or(|t| time < t)
            && self.after.is_none_or(|t| time > t)
            && self.until.is_none_or(|t| time < t)
            && self.dangling.is_none_or(|d| d == image.names.is_empty())
            && (self.ids.is_empty() || self.ids.iter().any(|id| image.id.starts_with(id.as_str())))
            && self
                .containers
                .is_none_or(|c| c == used.contains(&image.id))
            && self.readonly.is_none_or(|r| !r)
            && (self.intermediate).is_none_or(|i| i == intermediate.contains(&image.id))
            && self.labels.iter().all(|(key, value)| {
                labels
                    .get(key)
                    .is_some_and(|v| value.as_ref().is_none_or(|want| want == v))
            })
    }
}
