//! `rcon image exists`, `rcon container exists`, `rcon volume exists`:
//! exit 0 when the object exists, 1 when it does not.

use clap::Args;

use super::{Context, Outcome};
use crate::container::Containers;
use crate::image;
use crate::storage::store::Store;
use crate::storage::volume::{self, VolumeStore};

#[derive(Debug, Args)]
pub struct ImageExistsArgs {
    /// The image, by name or ID prefix
    #[arg(value_name = "IMAGE")]
    pub image: String,
}

#[derive(Debug, Args)]
pub struct ContainerExistsArgs {
    /// The container, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// Also containers in storage that rcon does not run (rcon's store has none)
    #[arg(long)]
    pub external: bool,
}

#[derive(Debug, Args)]
pub struct VolumeExistsArgs {
    /// The volume's name
    #[arg(value_name = "VOLUME")]
    pub volume: String,
}

pub fn image(ctx: &Context, args: ImageExistsArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    match image::lookup(&store, &args.image) {
        Ok(_) => Ok(0),
        Err(image::Error::NotFound { .. }) => Ok(1),
        Err(e) => Err(e.into()),
    }
}

pub fn container(ctx: &Context, args: ContainerExistsArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    match Containers::open(store.root())?.find(&args.container) {
        Ok(_) => Ok(0),
        Err(crate::container::store::Error::NoSuchContainer(_)) => Ok(1),
        Err(e) => Err(e.into()),
    }
}

pub fn volume(ctx: &Context, args: VolumeExistsArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    match VolumeStore::open(&store)?.get(&args.volume) {
        Ok(_) => Ok(0),
        Err(volume::Error::NotFound(_)) => Ok(1),
        Err(e) => Err(e.into()),
    }
}
