fn main() {
    std::process::exit(rcon::cli::main());
}
