use clap::Args;

use super::{Context, Outcome, human};
use crate::image;
use crate::storage::store::{ImageRecord, Store};

#[derive(Debug, Args)]
pub struct ImagesArgs {
    /// Show only images this reference names: full, without registry or tag, or its last component (any tag when none is given); `*`, `?` and `[...]` globs as Podman; or an ID prefix
    #[arg(value_name = "IMAGE")]
    pub image: Option<String>,
    /// Print only image IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Show all images, intermediate ones too (rcon keeps none: the same as without -a)
    #[arg(short, long)]
    pub all: bool,
    /// Show digests
    #[arg(long)]
    pub digests: bool,
    /// Do not truncate image IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Output format: `table` or `json`
    #[arg(long, default_value = "table", value_name = "FORMAT")]
    pub format: String,
}

pub fn run(ctx: &Context, args: ImagesArgs) -> Outcome {
    ctx.enter_namespace()?;
    let store = Store::open(&ctx.paths.root)?;
    let mut images = store.images()?;
    if let Some(filter) = &args.image {
        images.retain(|i| image::matches_filter(i, filter));
    }
    match args.format.as_str() {
        "json" => {
            let list: Vec<_> = images.iter().map(image::summary_json).collect();
            println!("{}", serde_json::to_string_pretty(&list)?);
        }
        "table" => print_table(&images, &args),
        other => {
            return Err(super::Failure::new(
                super::EXIT_ENGINE,
                format!("unknown --format {other:?}: use table or json"),
            ));
        }
    }
    Ok(0)
}

fn print_table(images: &[ImageRecord], args: &ImagesArgs) {
    let id = |i: &ImageRecord| {
        if args.no_trunc {
            format!("sha256:{}", i.id)
        } else {
            i.id[..12].to_string()
        }
    };
    if args.quiet {
        for image in images {
            println!("{}", id(image));
        }
        return;
    }
    let mut rows = vec![vec!["REPOSITORY".to_string(), "TAG".into()]];
    if args.digests {
        rows[0].push("DIGEST".into());
    }
    rows[0].extend(["IMAGE ID".into(), "CREATED".into(), "SIZE".into()]);
    for image in images {
        let names: Vec<(String, String)> = if image.names.is_empty() {
            vec![("<none>".into(), "<none>".into())]
        } else {
            image.names.iter().map(|n| image::split_tag(n)).collect()
        };
        for (repository, tag) in names {
            let mut row = vec![repository, tag];
            if args.digests {
                row.push(image.digest.clone());
            }
            row.extend([
                id(image),
                human::ago(image.created.as_deref()),
                human::size(image.size),
            ]);
            rows.push(row);
        }
    }
    print!("{}", human::table(&rows));
}
