use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::image::AuthFiles;
use crate::image::login::{self, LoginRequest};

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// The registry to log in to (host[:port]), or a repository in it to keep credentials for just that
    #[arg(value_name = "REGISTRY")]
    pub registry: String,
    /// User name [default: asked for on the terminal]
    #[arg(short, long)]
    pub username: Option<String>,
    /// Password (visible to other users in the process list: prefer --password-stdin)
    #[arg(short, long, conflicts_with = "password_stdin")]
    pub password: Option<String>,
    /// Read the password from standard input
    #[arg(long)]
    pub password_stdin: bool,
    /// Require HTTPS and verify certificates (--tls-verify=false allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Print the user name saved for the registry and exit
    #[arg(long)]
    pub get_login: bool,
    #[command(flatten)]
    pub authfile: AuthFileArg,
}

/// `--authfile`, shared by the verbs that read or write credentials.
#[derive(Debug, Args)]
pub struct AuthFileArg {
    /// The auth file to use [default: $REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json]
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<PathBuf>,
}

impl AuthFileArg {
    /// The given file, else the usual ones.
    pub fn files(self) -> AuthFiles {
        match self.authfile {
            Some(path) => AuthFiles { paths: vec![path] },
            None => AuthFiles::default_for_user(),
        }
    }
}

pub fn run(_ctx: &Context, args: LoginArgs) -> Outcome {
    let files = args.authfile.files();
    if args.get_login {
        println!("{}", login::saved_username(&files, &args.registry)?);
        return Ok(0);
    }
    let username = match args.username {
        Some(username) => username,
        None if args.password_stdin => {
            return Err(Failure::new(
                EXIT_ENGINE,
                "--password-stdin needs --username: standard input holds the password",
            ));
        }
        None => prompt_username()?,
    };
    let password = match args.password {
        Some(password) => password,
        None if args.password_stdin => {
            let mut text = String::new();
            io::stdin().read_to_string(&mut text)?;
            text.trim_end_matches(['\n', '\r']).to_string()
        }
        None => prompt_password()?,
    };
    login::login(
        &files,
        &LoginRequest {
            key: &args.registry,
            username: &username,
            password: &password,
            tls_verify: args.tls_verify,
        },
    )?;
    println!("Login Succeeded!");
    Ok(0)
}

fn no_terminal() -> Failure {
    Failure::new(
        EXIT_ENGINE,
        "no terminal to ask for credentials on: give --username and --password-stdin",
    )
}

fn prompt_username() -> Result<String, Failure> {
    if !io::stdin().is_terminal() {
        return Err(no_terminal());
    }
    eprint!("Username: ");
    io::stderr().flush()?;
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_string())
}

/// Asks on the terminal without echoing what is typed.
fn prompt_password() -> Result<String, Failure> {
    if !io::stdin().is_terminal() {
        return Err(no_terminal());
    }
    Ok(rpassword::prompt_password("Password: ")?)
}
