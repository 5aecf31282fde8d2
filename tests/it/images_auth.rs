//! `rcon login` / `logout` against a real registry that wants HTTP basic
//! auth (an htpasswd file with a bcrypt hash), and pulls with and without
//! the saved credentials; login, push and pull over HTTPS.

use crate::common;
use crate::common::{
    TestEnv, command_timeout, image, image_ref, require_program, run_command, user_with_ranges,
    with_busybox,
};
use testkit::catalog;
use testkit::tmp::ScratchDir;
use testkit::{BasicAuth, Registry, RegistryOptions};

const USER: &str = "rcon-tester";
const PASSWORD: &str = "correct horse battery staple";

fn registry_with_login() -> Registry {
    let registry = Registry::start_with(&RegistryOptions {
        basic_auth: Some(BasicAuth {
            username: USER.into(),
            password: PASSWORD.into(),
        }),
        ..RegistryOptions::default()
    })
    .expect("starting a registry with htpasswd auth");
    registry
        .client()
        .push(image(catalog::BUSYBOX))
        .expect("pushing busybox with credentials");
    registry
}

fn login(env: &TestEnv, host: &str, password: &str) -> common::RunResult {
    env.run_with_input(
        &[
            "login",
            "--tls-verify=false",
            "-u",
            USER,
            "--password-stdin",
            host,
        ],
        format!("{password}\n").as_bytes(),
    )
}

#[track_caller]
fn assert_auth_failed(result: &common::RunResult, host: &str) {
    result.code_is(125);
    let expected = format!("authentication failed for {host}");
    assert!(result.stderr.contains(&expected), "{}", result.transcript());
}

#[test]
fn login_lets_a_pull_through_and_logout_takes_it_back() {
    let registry = registry_with_login();
    let host = registry.addr.as_str();
    let env = TestEnv::new(user_with_ranges());
    let reference = image(catalog::BUSYBOX).reference(host);
    let auth_file = env.runtime_dir.join("containers/auth.json");

    let anonymous = env.run(&["pull", "--tls-verify=false", &reference]);
    assert_auth_failed(&anonymous, host);
    let wrong = login(&env, host, "wrong password");
    assert_auth_failed(&wrong, host);
    assert!(!auth_file.exists(), "nothing saved for wrong credentials");

    let right = login(&env, host, PASSWORD);
    assert!(right.ok().stdout.contains("Login Succeeded!"));
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&auth_file).unwrap()).unwrap();
    assert!(saved["auths"][host]["auth"].is_string(), "{saved}");
    assert_eq!(
        env.run(&["login", "--get-login", host]).ok().stdout.trim(),
        USER
    );

    let id = env.run(&["pull", "--tls-verify=false", &reference]);
    assert_eq!(
        format!("sha256:{}", id.ok().stdout.trim()),
        image(catalog::BUSYBOX).config_digest
    );

    let pushed = format!("{host}/rcon-test/pushed-with-login:v1");
    env.run(&["push", "--tls-verify=false", &reference, &pushed])
        .ok();
    assert!(
        registry
            .client()
            .tags("rcon-test/pushed-with-login")
            .unwrap()
            == ["v1"]
    );

    env.run(&["logout", host]).ok();
    let push_anonymously = env.run(&["push", "--tls-verify=false", &reference, &pushed]);
    assert_auth_failed(&push_anonymously, host);
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&auth_file).unwrap()).unwrap();
    assert!(saved["auths"].get(host).is_none(), "{saved}");
    let again = env.run(&["logout", host]);
    again.code_is(125);
    assert!(again.stderr.contains(&format!("not logged into {host}")));
    env.run(&["login", "--get-login", host]).code_is(125);
}

#[test]
fn login_needs_a_password_source_without_a_terminal() {
    let env = TestEnv::new(user_with_ranges());
    let result = env.run(&["login", "-u", USER, "127.0.0.1:1"]);
    result.code_is(125);
    assert!(
        result.stderr.contains("--password-stdin"),
        "{}",
        result.transcript()
    );
    let unreachable = login(&env, "127.0.0.1:1", PASSWORD);
    unreachable.code_is(125);
    assert!(
        unreachable.stderr.contains("logging in to 127.0.0.1:1"),
        "{}",
        unreachable.transcript()
    );
}

/// Every registry client rcon makes (login's, and pull's and push's through
/// oci-client) speaks TLS, with the crypto provider rcon installs, and
/// checks the registry's certificate against the trusted authorities
/// (`SSL_CERT_FILE` names them, as for every rustls-native-certs client).
#[test]
fn over_https_login_push_and_pull_trust_only_a_known_certificate() {
    require_program("openssl");
    let certificates_dir = ScratchDir::new("rcon-test-tls", 0o755).unwrap();
    let certificates = testkit::make_certificates(certificates_dir.path()).unwrap();
    let registry = Registry::start_with(&RegistryOptions {
        basic_auth: Some(BasicAuth {
            username: USER.into(),
            password: PASSWORD.into(),
        }),
        tls: Some(certificates.clone()),
        ..RegistryOptions::default()
    })
    .expect("starting a registry over HTTPS");
    let host = registry.addr.as_str();
    let env = with_busybox(user_with_ranges());
    let password = format!("{PASSWORD}\n");
    let login_args = ["login", "-u", USER, "--password-stdin", host];
    let trusting = |args: &[&str], input: Option<&[u8]>| {
        let mut command = env.rcon();
        command.env("SSL_CERT_FILE", &certificates.ca).args(args);
        run_command(&mut command, input, command_timeout()).unwrap_or_else(|e| panic!("{e}"))
    };

    let untrusted = env.run_with_input(&login_args, password.as_bytes());
    untrusted.code_is(125);
    assert!(
        untrusted.stderr.contains("certificate"),
        "{}",
        untrusted.transcript()
    );
    let logged_in = trusting(&login_args, Some(password.as_bytes()));
    assert!(logged_in.ok().stdout.contains("Login Succeeded!"));

    let pushed = format!("{host}/rcon-test/over-https:v1");
    let busybox = image_ref(catalog::BUSYBOX);
    trusting(&["push", &busybox, &pushed], None).ok();
    env.run(&["rmi", &busybox]).ok();

    let untrusted = env.run(&["pull", &pushed]);
    untrusted.code_is(125);
    assert!(
        untrusted.stderr.contains("certificate"),
        "{}",
        untrusted.transcript()
    );
    let id = trusting(&["pull", "-q", &pushed], None);
    assert_eq!(
        format!("sha256:{}", id.ok().stdout.trim()),
        image(catalog::BUSYBOX).config_digest
    );
    let run = env.run(&[
        "run",
        "--rm",
        "--network",
        "none",
        &pushed,
        "echo",
        "over https",
    ]);
    assert_eq!(run.ok().stdout, "over https\n");
}
