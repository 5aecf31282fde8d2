use clap::Args;

use super::report::{self, Report};
use super::template::GoShape;
use super::{Context, Outcome};
use crate::system::info;

#[derive(Debug, Args)]
pub struct InfoArgs {
    /// json, or a Go template over Podman's fields ('{{.Host.Arch}}', '{{.Store.GraphRoot}}'); default: text
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

/// `info`'s JSON as the Go value Podman's templates see (its Go field names).
const INFO_SHAPE: GoShape = GoShape {
    type_name: "*define.Info",
    fields: &[
        ("cgroupVersion", "CgroupsVersion"),
        ("cpus", "CPUs"),
        ("cpuUtilization", "CPUUtilization"),
        ("idMappings", "IDMappings"),
        ("gidmap", "GIDMap"),
        ("uidmap", "UIDMap"),
        ("container_id", "ContainerID"),
        ("host_id", "HostID"),
        ("ociRuntime", "OCIRuntime"),
        ("os", "OS"),
        ("apparmorEnabled", "AppArmorEnabled"),
        ("capabilities", "DefaultCapabilities"),
        ("seccompEnabled", "SECCOMPEnabled"),
        ("seccompProfilePath", "SECCOMPProfilePath"),
        ("selinuxEnabled", "SELinuxEnabled"),
        ("slirp4netns", "Slirp4NetNS"),
    ],
    maps: &["Registries", "Store.GraphOptions", "Store.GraphStatus"],
    times: &[],
};

pub fn run(ctx: &Context, args: InfoArgs) -> Outcome {
    let info = info::gather(
        &ctx.paths,
        &ctx.user,
        ctx.storage_driver,
        || ctx.enter_namespace().map_err(|failure| failure.message),
        ctx.single,
    );
    match args.format.as_deref() {
        None | Some("text") => print!("{}", info::render_text(&info)),
        Some(format) if report::is_json(format) => {
            println!("{}", serde_json::to_string_pretty(&info)?);
        }
        Some(format) => {
            let report = Report::single("info", format)?;
            let data = INFO_SHAPE.value(&serde_json::to_value(&info)?);
            print!("{}", report.render(None, &data)?);
        }
    }
    Ok(0)
}
