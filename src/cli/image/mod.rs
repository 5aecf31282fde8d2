//! `rcon image …`: the image verbs grouped, as in Podman.

pub(super) mod history;
mod inspect;
mod prune;

use clap::Subcommand;

use super::{Context, Outcome, build, exists, images, load, pull, push, rmi, save, tag, untag};

#[derive(Debug, Subcommand)]
pub enum ImageVerb {
    /// Build an image from a Containerfile or Dockerfile (same as `rcon build`)
    Build(Box<build::BuildArgs>),
    /// Exit 0 if the image is in local storage, 1 if not
    Exists(exists::ImageExistsArgs),
    /// Show the steps that built an image, newest first
    History(history::HistoryArgs),
    /// Show an image's details as JSON
    Inspect(inspect::InspectArgs),
    /// List images (same as `rcon images`)
    #[command(visible_alias = "list")]
    Ls(images::ImagesArgs),
    /// Load images from an archive (same as `rcon load`)
    Load(load::LoadArgs),
    /// Remove images without a name that no container uses (-a: every unused image)
    Prune(prune::PruneArgs),
    /// Pull an image from a registry (same as `rcon pull`)
    Pull(pull::PullArgs),
    /// Push an image to a registry (same as `rcon push`)
    Push(push::PushArgs),
    /// Remove images (same as `rcon rmi`)
    #[command(visible_alias = "remove")]
    Rm(rmi::RmiArgs),
    /// Save images to an archive (same as `rcon save`)
    Save(save::SaveArgs),
    /// Give an image more names (same as `rcon tag`)
    Tag(tag::TagArgs),
    /// Take names off an image (same as `rcon untag`)
    Untag(untag::UntagArgs),
}

pub fn run(ctx: &Context, verb: ImageVerb) -> Outcome {
    match verb {
        ImageVerb::Build(args) => build::run(ctx, *args),
        ImageVerb::Exists(args) => exists::image(ctx, args),
        ImageVerb::History(args) => history::run(ctx, args),
        ImageVerb::Inspect(args) => inspect::run(ctx, args),
        ImageVerb::Ls(args) => images::run(ctx, args),
        ImageVerb::Load(args) => load::run(ctx, args),
        ImageVerb::Prune(args) => prune::run(ctx, args),
        ImageVerb::Pull(args) => pull::run(ctx, args),
        ImageVerb::Push(args) => push::run(ctx, args),
        ImageVerb::Rm(args) => rmi::run(ctx, args),
        ImageVerb::Save(args) => save::run(ctx, args),
        ImageVerb::Tag(args) => tag::run(ctx, args),
        ImageVerb::Untag(args) => untag::run(ctx, args),
    }
}
