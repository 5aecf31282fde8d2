//! An image deeper than the kernel's overlay stack (500 lower layers) runs:
//! its bottom layers are merged once into a cached flat layer.

use crate::common::{TestEnv, registry, user_with_ranges};
use testkit::{Compression, Format, ImageBuilder, Layer, LayerBuilder};

/// 520 layers over busybox: `/deep/NNN` in each; layer 2 adds `/gone`, layer 3
/// whites it out; layer 4 fills `/opaque`, layer 5 makes it opaque with `new`.
fn deep_image() -> testkit::Image {
    let mut image = ImageBuilder::new("rcon-test/deep520", Format::Oci)
        .layer(testkit::catalog::base_layer(Compression::Gzip).unwrap());
    for n in 1..=520u32 {
        let mut layer = LayerBuilder::new();
        layer.dir("deep", 0o755);
        layer.file(&format!("deep/{n:03}"), format!("{n:03}\n"), 0o644);
        match n {
            2 => {
                layer.file("gone", "x", 0o644);
                layer.dir("opaque", 0o755);
                layer.file("opaque/old", "old", 0o644);
            }
            3 => {
                layer.whiteout("gone");
            }
            5 => {
                layer.opaque("opaque", 0o755);
                layer.file("opaque/new", "new", 0o644);
            }
            _ => {}
        }
        image = image
            .layer(Layer::from_builder(&layer, Compression::Gzip, &format!("layer {n}")).unwrap());
    }
    image.build().unwrap()
}

#[test]
fn an_image_of_520_layers_runs_on_a_flattened_base() {
    let image = deep_image();
    testkit::push(registry(), &image).unwrap();
    let reference = image.reference(registry());
    let env = TestEnv::new(user_with_ranges());
    env.run(&["pull", "-q", "--tls-verify=false", &reference])
        .ok();
    let script = "ls /deep | wc -l; cat /deep/001 /deep/520; test -e /gone && echo gone-visible || echo gone-hidden; ls /opaque";
    let out = env.run(&["run", "--rm", &reference, "sh", "-c", script]);
    assert_eq!(out.ok().stdout, "520\n001\n520\ngone-hidden\nnew\n");
    let flat = env.data_dir().join("flat");
    assert_eq!(
        std::fs::read_dir(&flat).unwrap().count(),
        1,
        "one cached flat layer"
    );
    // The second start reuses it; removing the image removes it.
    env.run(&["run", "--rm", &reference, "true"]).ok();
    env.run(&["rmi", &reference]).ok();
    assert_eq!(
        std::fs::read_dir(&flat).unwrap().count(),
        0,
        "the flat layer goes with the image"
    );
}
