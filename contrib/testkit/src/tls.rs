//! A certificate authority and a server certificate for 127.0.0.1, made with
//! the host's `openssl`, for a registry served over HTTPS
//! ([`crate::RegistryOptions::tls`]). A client trusts the registry when given
//! the authority's certificate, e.g. through `SSL_CERT_FILE`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The files [`make_certificates`] writes.
#[derive(Clone, Debug)]
pub struct Certificates {
    /// The authority's certificate (PEM): what a client trusts.
    pub ca: PathBuf,
    /// The server's certificate (PEM), signed by the authority, for
    /// `IP:127.0.0.1` and `DNS:localhost`.
    pub certificate: PathBuf,
    /// The server's private key (PEM).
    pub key: PathBuf,
}

fn openssl(dir: &Path, args: &[&str]) -> Result<()> {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .context("running openssl (apt-get install openssl)")?;
    if !output.status.success() {
        bail!(
            "openssl {} failed ({}): {}",
            args.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// Writes a new authority and a server certificate signed by it into `dir`
/// (valid for two days; P-256 keys, which every TLS stack accepts).
pub fn make_certificates(dir: &Path) -> Result<Certificates> {
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let ca_args = [
        &["req", "-x509", "-days", "2", "-subj", "/CN=rcon-testkit CA"][..],
        &ec,
        &["-keyout", "ca.key", "-out", "ca.pem"],
        &["-addext", "basicConstraints=critical,CA:TRUE"],
        &["-addext", "keyUsage=critical,keyCertSign,cRLSign"],
    ]
    .concat();
    openssl(dir, &ca_args)?;
    let request_args = [
        &[
            "req",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
        ][..],
        &ec,
    ]
    .concat();
    openssl(dir, &request_args)?;
    let extensions = dir.join("server.ext");
    std::fs::write(
        &extensions,
        "basicConstraints=critical,CA:FALSE\n\
         keyUsage=critical,digitalSignature\n\
         extendedKeyUsage=serverAuth\n\
         subjectAltName=IP:127.0.0.1,DNS:localhost\n",
    )
    .with_context(|| format!("writing {}", extensions.display()))?;
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-days",
            "2",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-extfile",
            "server.ext",
            "-out",
            "server.pem",
        ],
    )?;
    Ok(Certificates {
        ca: dir.join("ca.pem"),
        certificate: dir.join("server.pem"),
        key: dir.join("server.key"),
    })
}
