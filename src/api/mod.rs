//! `rcon system service`: the Docker Engine API on a socket, so Docker's
//! CLI, SDKs and tools drive rcon. Thin, as the CLI is: each handler turns a
//! request into the same engine calls a verb makes (`container::create`,
//! `Lifecycle`, `image::pull_image`, `VolumeStore`, `Networks`) and their
//! answers into Docker's JSON. `server` owns the socket, the routing and the
//! idle timer; one file per object group holds the handlers.

mod archive;
mod build;
mod child;
mod containers;
mod events;
mod exec;
mod files;
mod images;
mod networks;
mod prune;
mod server;
mod stats;
mod stdio;
mod system;
mod transfer;
mod volumes;

pub use server::{Listen, ServiceOptions, serve};

use hyper::StatusCode;

/// The newest API version served; Docker's clients negotiate down to it.
pub const API_VERSION: &str = "1.47";
/// The oldest one Docker's clients may ask for.
pub const MIN_API_VERSION: &str = "1.24";

/// A failed request: Docker's status code and `{"message": ...}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl std::fmt::Display) -> ApiError {
        ApiError {
            status,
            message: message.to_string(),
        }
    }

    pub fn bad_request(message: impl std::fmt::Display) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl std::fmt::Display) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }
}

type ApiResult<T> = Result<T, ApiError>;

impl From<crate::container::Error> for ApiError {
    fn from(e: crate::container::Error) -> ApiError {
        use crate::container::Error as E;
        use crate::container::store::Error as S;
        let status = match &e {
            E::Store(S::NoSuchContainer(_)) | E::ImageNotLocal(_) => StatusCode::NOT_FOUND,
            E::Store(S::NameInUse { .. }) | E::Running(_) | E::NotRunning(_) => {
                StatusCode::CONFLICT
            }
            E::Store(S::Ambiguous { .. }) | E::Invalid(_) | E::Labels(_) | E::RestartPolicy(_) => {
                StatusCode::BAD_REQUEST
            }
            E::Image(e) => return image_status(e, e.to_string()),
            E::Volume(e) => return volume_status(e, e.to_string()),
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, e)
    }
}

impl From<crate::image::Error> for ApiError {
    fn from(e: crate::image::Error) -> ApiError {
        let message = e.to_string();
        image_status(&e, message)
    }
}

fn image_status(e: &crate::image::Error, message: String) -> ApiError {
    use crate::image::Error as E;
    let status = match e {
        E::NotFound { tried, .. } if tried.is_empty() => StatusCode::NOT_FOUND,
        E::NotFound { .. } | E::TagNotKnown(_) => StatusCode::NOT_FOUND,
        E::Reference(_) | E::Ambiguous { .. } | E::BadPlatform(_) => StatusCode::BAD_REQUEST,
        E::AuthFailed { .. } => StatusCode::UNAUTHORIZED,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    ApiError::new(status, message)
}

impl From<crate::storage::volume::Error> for ApiError {
    fn from(e: crate::storage::volume::Error) -> ApiError {
        let message = e.to_string();
        volume_status(&e, message)
    }
}

fn volume_status(e: &crate::storage::volume::Error, message: String) -> ApiError {
    use crate::storage::volume::Error as E;
    let status = match e {
        E::NotFound(_) => StatusCode::NOT_FOUND,
        E::Exists(_) | E::InUse(_) => StatusCode::CONFLICT,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    ApiError::new(status, message)
}

/// Errors of the stores that say nothing more specific.
macro_rules! internal_errors {
    ($($t:ty),*) => {$(
        impl From<$t> for ApiError {
            fn from(e: $t) -> ApiError {
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e)
            }
        }
    )*};
}
internal_errors!(
    crate::storage::store::Error,
    crate::container::store::Error,
    std::io::Error
);
