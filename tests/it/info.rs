//! `rcon info`: the host as rcon sees it, and problems with their fixes.

use crate::common::{TestEnv, user_with_ranges, user_without_ranges};

fn info_json(env: &TestEnv) -> serde_json::Value {
    let result = env.run(&["info", "--format", "json"]);
    serde_json::from_str(&result.ok().stdout).expect("info --format json prints JSON")
}

#[test]
fn info_reports_a_missing_subuid_entry_with_the_fixing_command() {
    let env = TestEnv::new(user_without_ranges());
    let text = env.run(&["info"]);
    let out = &text.ok().stdout;
    assert!(
        out.contains(&format!(
            "warning: no subordinate IDs for user {}",
            env.user.name
        )),
        "{out}"
    );
    assert!(out.contains("fix: sudo usermod --add-subuids"), "{out}");
    let info = info_json(&env);
    assert_eq!(info["idMappings"]["mode"], "single");
    let problems = info["problems"].as_array().unwrap();
    let subid = problems
        .iter()
        .find(|p| {
            p["what"]
                .as_str()
                .unwrap()
                .starts_with("no subordinate IDs")
        })
        .expect("the missing entry is a problem");
    assert!(
        subid["fix"]
            .as_str()
            .unwrap()
            .ends_with(&format!("{} && rcon system migrate", env.user.name))
    );
}

#[test]
fn info_shows_the_mapping_store_and_helpers() {
    let env = TestEnv::new(user_with_ranges());
    let info = info_json(&env);
    assert_eq!(info["user"]["uid"], env.user.uid);
    assert_eq!(info["idMappings"]["mode"], "subordinate");
    assert_eq!(info["idMappings"]["uidMap"][0]["hostId"], env.user.uid);
    assert_eq!(info["idMappings"]["uidMap"][1]["containerId"], 1);
    assert_eq!(
        info["store"]["graphRoot"],
        env.home.join(".local/share/rcon").to_str().unwrap()
    );
    assert_eq!(
        info["store"]["runRoot"],
        env.runtime_dir.join("rcon").to_str().unwrap()
    );
    // This kernel (>= 5.11) mounts overlayfs in a user namespace on the test's filesystem.
    assert_eq!(
        info["store"]["overlay"]["supported"], true,
        "{}",
        info["store"]["overlay"]
    );
    let helpers = info["helpers"].as_array().unwrap();
    let newuidmap = helpers.iter().find(|h| h["name"] == "newuidmap").unwrap();
    assert_eq!(newuidmap["path"], "/usr/bin/newuidmap");
    let problems: Vec<&str> = info["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["what"].as_str().unwrap())
        .collect();
    assert!(
        !problems.iter().any(|p| p.contains("newuidmap")),
        "setuid newuidmap is fine: {problems:?}"
    );
    assert!(
        info["store"]["overlay"]["kernel"]
            .as_str()
            .is_some_and(|k| !k.is_empty())
    );
    assert!(
        env.home
            .join(".local/share/rcon/overlay-probe.json")
            .exists(),
        "the probe is cached"
    );
}

#[test]
fn info_reports_a_root_where_overlay_cannot_work() {
    let env = TestEnv::new(user_with_ranges());
    // Overlayfs cannot be the upper layer of another overlay: mount one in the
    // namespace (later commands join its mount namespace) and put --root on it.
    env.run(&[
        "unshare",
        "sh",
        "-c",
        "mkdir -p $HOME/o/l $HOME/o/u $HOME/o/w $HOME/o/m && \
         mount -t overlay overlay -o lowerdir=$HOME/o/l,upperdir=$HOME/o/u,workdir=$HOME/o/w,userxattr $HOME/o/m",
    ])
    .ok();
    let root = env.home.join("o/m/store");
    let result = env.run(&["--root", root.to_str().unwrap(), "info"]);
    let out = &result.ok().stdout;
    assert!(
        out.contains("kernelOverlay: not supported (mounting overlay on"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "warning: kernel overlayfs does not work on {}",
            root.display()
        )),
        "{out}"
    );
    assert!(
        out.contains("fix: put --root on a local filesystem"),
        "{out}"
    );
    env.run(&["unshare", "umount", env.home.join("o/m").to_str().unwrap()])
        .ok();
}
