# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rcon_global_optspecs
    string join \n root= runroot= volumepath= log-level= D/debug storage-driver= noout cgroup-manager= events-backend= runtime= runtime-flag= h/help V/version
end

function __fish_rcon_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_rcon_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_rcon_using_subcommand
    set -l cmd (__fish_rcon_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c rcon -n "__fish_rcon_needs_command" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_needs_command" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_needs_command" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_needs_command" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_needs_command" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_needs_command" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_needs_command" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_needs_command" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_needs_command" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_needs_command" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_needs_command" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcon -n "__fish_rcon_needs_command" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "attach" -d 'Attach to a running container\'s output (and stdin, when started with -i) until it exits or the detach keys'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "build" -d 'Build an image from a Containerfile or Dockerfile'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "commit" -d 'Make a new image from a container\'s changes'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "container" -d 'Manage containers: commit, cp, diff, export, inspect, pause, port, prune, rename, stats, top, unpause, update'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "cp" -d 'Copy files between a container and the host (or a tar stream)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "create" -d 'Create a container without starting it'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "exec" -d 'Run a command in a running container'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "diff" -d 'Show what a container changed in its image\'s files: A (added), C (changed), D (deleted)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "events" -d 'Show events: what happened to containers, images, volumes and networks (new ones as they come, unless --stream=false)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "export" -d 'Write a container\'s whole filesystem as a tarball'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "generate" -d 'Generate configuration for a container: systemd units, Kubernetes YAML'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "import" -d 'Make an image of a root filesystem tarball (a file or - for standard input), as `export` writes one'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "healthcheck" -d 'Run a container\'s health check'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "history" -d 'Show the steps that built an image, newest first (same as `rcon image history`)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "image" -d 'Manage images: history, inspect, list, load, prune, pull, push, remove, save, tag'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "images" -d 'List images in local storage'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "info" -d 'Show how rcon is set up on this host, and every problem found with its fix'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "load" -d 'Load images from a docker-archive or oci-archive tarball'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "login" -d 'Log in to a registry: check the credentials and save them in auth.json'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "logout" -d 'Remove a registry\'s saved credentials'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "inspect" -d 'Show a container\'s (or else an image\'s or a volume\'s) configuration and state as JSON (or through --format)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "kill" -d 'Send a signal to running containers (default KILL)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "kube" -d 'Kubernetes YAML: play it (pods, containers, volumes), take it down, generate it from containers'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "play" -d 'Play Kubernetes YAML (Podman\'s older spelling of `rcon kube play`)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "logs" -d 'Show a container\'s output (stdout and stderr, as logged by its monitor)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "network" -d 'Manage networks containers reach each other on: create, exists, inspect, list, prune, remove'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "pause" -d 'Freeze the processes of running containers (where the host allows it rootless)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "pod" -d 'Manage pods: containers sharing network, IPC and UTS namespaces, started and stopped together'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "port" -d 'List a container\'s published ports, or the host address of one'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "ps" -d 'List containers (running ones; -a for all)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "system" -d 'Manage rcon itself: reset storage, restart the user namespace, show info'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "pull" -d 'Pull an image from a registry'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "push" -d 'Push an image to a registry'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "rename" -d 'Give a container a new name'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "restart" -d 'Stop and start containers again (detached)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "rm" -d 'Remove containers'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "rmi" -d 'Remove images'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "secret" -d 'Manage secrets: create, exists, inspect, list, remove'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "start" -d 'Start created or exited containers in the background (-a: attached, in the foreground)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "save" -d 'Save images to a docker-archive or oci-archive tarball'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "stats" -d 'Show containers\' resource use: CPU, memory, network and block I/O, PIDs'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "stop" -d 'Stop running containers: the stop signal, then SIGKILL after a timeout'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "tag" -d 'Give an image another name'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "top" -d 'Show the processes running in a container'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "unshare" -d 'Run a command inside rcon\'s user namespace (to inspect or remove storage files)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "unpause" -d 'Thaw paused containers'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "untag" -d 'Take names off an image (all of them when none is given)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "update" -d 'Change a container\'s resource limits'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "version" -d 'Show the rcon version'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "volume" -d 'Manage volumes: create, inspect, list, prune, remove'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "wait" -d 'Wait for containers to exit and print their exit codes'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l detach-keys -d 'Keys that detach from the container, leaving it running: comma-separated ctrl-<KEY> or single characters; "" disables detaching' -r
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l sig-proxy -d 'Pass signals rcon receives on to the container\'s process' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l no-stdin -d 'Do not pass stdin on (the end of stdin closes the container\'s, unless it has a terminal)'
complete -c rcon -n "__fish_rcon_using_subcommand attach" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand attach" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand attach" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand attach" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand build" -s t -l tag -d 'A name for the image, IMAGE[:TAG] (repeatable; short names go under localhost/)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -s f -l file -d 'The Containerfile (anywhere; - reads standard input; several are read as one) [default: Containerfile, else Dockerfile, in the context]' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l build-arg -d 'A build argument, NAME=VALUE (NAME alone: from the environment; repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l target -d 'Build up to this stage (by its AS name) and make its image the result' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l layers -d 'Keep an image per step and reuse them in later builds' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l pull -d 'When to pull base images: always, missing, never or newer (alone: always)' -r -f -a "missing\t''
always\t''
never\t''
newer\t''"
complete -c rcon -n "__fish_rcon_using_subcommand build" -l iidfile -d 'Write the image ID to this file' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand build" -l label -d 'A label for the image, KEY=VALUE (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l format -d 'The image format: oci (docker is accepted and written as OCI for now)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l timestamp -d 'Seconds since the epoch for the image\'s times and every file of its new layers (reproducible builds: the same inputs give the same image ID)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l rm -d 'Remove the intermediate containers after each step' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l force-rm -d 'Remove the containers of failed steps too (rcon always does, as Podman does)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l jobs -d 'How many stages to build at once (rcon builds them one after another)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l network -d 'The network RUN steps get (as `rcon run --network`)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l tls-verify -d 'Verify TLS for registries pulled from' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand build" -s o -l output -d 'Also write the image\'s files out: type=local,dest=DIR (or DIR alone), or type=tar,dest=FILE' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l ignorefile -d 'The ignore file [default: .containerignore, else .dockerignore, in the context]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand build" -l logfile -d 'Write the build\'s output (steps and RUN output) to this file instead of the terminal' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand build" -l authfile -d 'The auth file for pulling base images [default: $REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand build" -l secret -d 'A secret RUN --mount=type=secret can use, id=ID,src=FILE (or env=VAR); never stored in the image (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l ulimit -d 'RUN steps: resource limit, NAME=SOFT[:HARD] (as `rcon run --ulimit`)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l security-opt -d 'RUN steps: seccomp=unconfined|PROFILE.json, no-new-privileges, … (as `rcon run --security-opt`)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l cap-add -d 'RUN steps: add a capability' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l cap-drop -d 'RUN steps: drop a capability' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -s v -l volume -d 'RUN steps: a bind mount or volume, HOST-DIR:CTR-DIR[:OPTIONS] (as `rcon run -v`)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l dns -d 'Name server for the container\'s /etc/resolv.conf (replaces the default)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf (\'.\' for none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l dns-option -l dns-opt -d 'Resolver option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l add-host -d 'Add a line to the container\'s /etc/hosts: NAME:IP (IP may be host-gateway)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand build" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand build" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand build" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand build" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand build" -l no-cache -d 'Build every step again, using no cached image'
complete -c rcon -n "__fish_rcon_using_subcommand build" -l pull-never -d 'Never pull base images (same as --pull=never)'
complete -c rcon -n "__fish_rcon_using_subcommand build" -l pull-always -d 'Always pull base images (same as --pull=always)'
complete -c rcon -n "__fish_rcon_using_subcommand build" -s q -l quiet -d 'Print nothing but the image ID'
complete -c rcon -n "__fish_rcon_using_subcommand build" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand build" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand build" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand build" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand commit" -s m -l message -d 'A comment for the new step in the image\'s history' -r
complete -c rcon -n "__fish_rcon_using_subcommand commit" -s a -l author -d 'The image\'s author' -r
complete -c rcon -n "__fish_rcon_using_subcommand commit" -s c -l change -d 'A Dockerfile instruction to apply to the image\'s config: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER or WORKDIR (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand commit" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand commit" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand commit" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand commit" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand commit" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand commit" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand commit" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand commit" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand commit" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand commit" -s q -l quiet -d 'Print nothing but the new image\'s ID (which is all rcon prints)'
complete -c rcon -n "__fish_rcon_using_subcommand commit" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand commit" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand commit" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand commit" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "attach" -d 'Attach to a running container (same as `rcon attach`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "commit" -d 'Make a new image from a container\'s changes (same as `rcon commit`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "cp" -d 'Copy files between a container and the host (same as `rcon cp`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "create" -d 'Create a container without starting it (same as `rcon create`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "diff" -d 'Show what a container changed in its image\'s files (same as `rcon diff`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "exec" -d 'Run a command in a running container (same as `rcon exec`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "exists" -d 'Exit 0 if the container exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "export" -d 'Write a container\'s files as a tarball (same as `rcon export`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "inspect" -d 'Show a container\'s configuration and state (same as `rcon inspect --type container`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "kill" -d 'Send a signal to running containers (same as `rcon kill`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "logs" -d 'Show a container\'s output (same as `rcon logs`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "ps" -d 'List containers (same as `rcon ps`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "ls" -d 'List containers (same as `rcon ps`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "list" -d 'List containers (same as `rcon ps`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "pause" -d 'Freeze a container\'s processes (same as `rcon pause`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "port" -d 'List a container\'s published ports (same as `rcon port`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "prune" -d 'Remove every container that does not run'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "rename" -d 'Give a container a new name (same as `rcon rename`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "runlabel" -d 'Run the command an image\'s label holds (INSTALL, RUN, …), as Podman\'s runlabel'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "restart" -d 'Stop and start containers again (same as `rcon restart`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "rm" -d 'Remove containers (same as `rcon rm`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "remove" -d 'Remove containers (same as `rcon rm`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "start" -d 'Start containers (same as `rcon start`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "stats" -d 'Show containers\' resource use (same as `rcon stats`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "stop" -d 'Stop running containers (same as `rcon stop`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "top" -d 'Show a container\'s processes (same as `rcon top`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "unpause" -d 'Thaw paused containers (same as `rcon unpause`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "update" -d 'Change a container\'s resource limits (same as `rcon update`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "wait" -d 'Wait for containers to exit (same as `rcon wait`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill logs ps ls list pause port prune rename runlabel restart rm remove start stats stop top unpause update wait help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l detach-keys -d 'Keys that detach from the container, leaving it running: comma-separated ctrl-<KEY> or single characters; "" disables detaching' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l sig-proxy -d 'Pass signals rcon receives on to the container\'s process' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l no-stdin -d 'Do not pass stdin on (the end of stdin closes the container\'s, unless it has a terminal)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from attach" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -s m -l message -d 'A comment for the new step in the image\'s history' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -s a -l author -d 'The image\'s author' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -s c -l change -d 'A Dockerfile instruction to apply to the image\'s config: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER or WORKDIR (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -s q -l quiet -d 'Print nothing but the new image\'s ID (which is all rcon prints)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from commit" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -s a -l archive -d 'Give what is copied into a container to the container\'s user (its primary group too), as Podman does; with -a=false, files keep the owners the source gives (as rcon\'s user namespace sees them, or as the tar stream says)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l overwrite -d 'Let a directory replace a non-directory and the reverse (otherwise an error)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l pause -d 'Accepted for Podman\'s scripts; rcon never pauses the container (Podman\'s --pause=false)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from cp" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l name -d 'Name the container (default: a generated adjective_scientist name)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy, kept by the container\'s monitor: no, on-failure[:MAX-RETRIES], always, unless-stopped' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-timeout -d 'Seconds `rcon stop` waits for the container to stop before killing it, when not given -t [default: 10]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds the command may run: then its monitor kills it (exit code -1, as Podman) [default: 0, no limit]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-cmd -d 'Health check: a shell command, a JSON array (["CMD", …] or an argv), or none' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-interval -d 'Time between checks, run by the container\'s monitor (disable: only `rcon healthcheck run`) [default: 30s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-retries -d 'Failures in a row that make the container unhealthy [default: 3]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-timeout -d 'Longest a check may take [default: 30s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-period -d 'Time after the start in which failures do not count [default: 0s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, stop or restart' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit: NUMBER[UNIT], units b, k, m, g (0: none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-reservation -d 'Memory soft limit: NUMBER[UNIT]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swap -d 'Memory plus swap limit: NUMBER[UNIT], or -1 for unlimited swap' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swappiness -d 'How readily the container\'s memory is swapped out (0 to 100, -1 for the system\'s)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l cpus -d 'Number of CPUs the container may use (CFS quota over a 100ms period)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-period -d 'CFS period, microseconds' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-quota -d 'CFS quota per period, microseconds' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight -d 'Block IO weight (10 to 1000)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight-device -d 'Block IO weight of a device: DEVICE-PATH:WEIGHT' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-bps -d 'Read rate limit from a device: DEVICE-PATH:RATE (e.g. /dev/sda:1mb)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-bps -d 'Write rate limit to a device: DEVICE-PATH:RATE' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-iops -d 'Read operations per second from a device: DEVICE-PATH:IOPS' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-iops -d 'Write operations per second to a device: DEVICE-PATH:IOPS' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l pids-limit -d 'Limit the number of processes (-1 or 0: unlimited)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l oom-score-adj -d 'Tune the container\'s OOM score (-1000 to 1000; rootless, only raised above rcon\'s own)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l kernel-memory -d 'Accepted for compatibility, and ignored with a warning (as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l cidfile -d 'Write the container\'s ID to this file (refused if it exists)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-signal -d 'Signal that `rcon stop` sends first (a name such as USR1 or a number) [default: the image\'s StopSignal, else TERM]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s e -l env -d 'Set an environment variable: KEY=VALUE, KEY to pass rcon\'s own value, or PREFIX* for several' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l secret -d 'Give the container a secret (`rcon secret create`): NAME[,type=mount|env][,target=PATH|VAR][,uid=N,gid=N,mode=OCTAL]; mounted read-only at /run/secrets/NAME by default' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l systemd -d 'Systemd mode (container_uuid, tmpfs on /run, /run/lock, /tmp, /var/log/journal, stop signal SIGRTMIN+3): true (when the command is systemd or init), false, always' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l sdnotify -d 'Who tells a systemd unit (NOTIFY_SOCKET) the service is ready: container (the command, given the socket), conmon (rcon, once it runs), ignore' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroups -d 'Podman\'s cgroup modes (enabled, disabled, no-conmon, split): accepted; rcon\'s monitor is never in a cgroup of its own' -r -f -a "enabled\t''
disabled\t''
no-conmon\t''
split\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines, # comments)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv -d 'Leave out a default or image environment variable (-e still sets it)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l tz -d 'The container\'s time zone (its /etc/localtime): an IANA name such as Europe/Paris, or local for the host\'s' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l log-driver -d 'Where the container\'s output is logged: k8s-file (the default; json-file is taken as it, as Podman does), passthrough (only to rcon\'s own streams, foreground only) or none' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l log-opt -d 'Logging option: path=FILE (the log file), max-size=SIZE (the log starts again empty when it would grow past it), tag=TAG' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l http-proxy -d 'Pass rcon\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s v -l volume -d 'Bind mount or volume: HOST-DIR:CTR-DIR[:OPTIONS], NAME:CTR-DIR[:OPTIONS], or CTR-DIR (anonymous volume)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l mount -d 'Mount: type=bind|volume|tmpfs,source=…,destination=…[,ro][,…]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpfs -d 'Mount a tmpfs: PATH[:OPTIONS] (size=, mode=, noexec, …)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount the volumes and bind mounts of another container, at the same places: CONTAINER[:ro|rw]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes), tmpfs or ignore [default: containers.conf\'s image_volume_mode, else bind]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l ulimit -d 'Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core, …; -1 for unlimited)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l userns -d 'User namespace: keep-id (your own UID and GID inside, as on the host) or host (rcon\'s, the default)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l hostuser -d 'Add this host user\'s passwd entry (a name or UID) to the container\'s /etc/passwd' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-add -d 'Add a capability (e.g. NET_RAW, or ALL)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-drop -d 'Drop a capability (e.g. CHOWN, or ALL)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l security-opt -d 'seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false], label=disable, apparmor=unconfined' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s u -l user -d 'Run as this user: user[:group] or uid[:gid], resolved in the container' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l group-add -d 'Add a supplementary group' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s w -l workdir -d 'Working directory inside the container (created when missing)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l entrypoint -d 'Override the image\'s entrypoint (a command or a JSON array; \'\' clears it)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s h -l hostname -d 'The container\'s hostname [default: its short ID]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l network -l net -d 'Network: private (pasta where installed, else slirp4netns), pasta[:OPTIONS], slirp4netns[:OPTIONS], none (loopback only), host, ns:PATH, container:NAME, or the name of a network made with `rcon network create` (repeat it to put the container on several)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l network-alias -d 'Another name other containers on the user-defined network know this one by; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l ipc -d 'IPC namespace: shareable (the default: others may join it), private, none (no /dev/shm), host, container:NAME or ns:PATH' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l pod -d 'Run in this pod (name or ID), sharing the namespaces of its infra container; new:NAME creates the pod first' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Run in the pod whose ID this file holds (written by `rcon pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l requires -d 'Containers (names or IDs, comma-separated) started before this one whenever it starts' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a container port on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp], ranges as 8000-8010:80-90' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l dns -d 'Name server for the container\'s /etc/resolv.conf (replaces the default)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf (\'.\' for none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-option -l dns-opt -d 'Resolver option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l add-host -d 'Add a line to the container\'s /etc/hosts: NAME:IP (IP may be host-gateway)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s l -l label -d 'Add a label: KEY=VALUE' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l label-file -d 'Read labels from a file (KEY=VALUE lines, # comments); -l wins over it' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l annotation -d 'Add an annotation to the container: KEY=VALUE' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l pull -d 'When to pull the image' -r -f -a "missing\t''
always\t''
never\t''
newer\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l platform -d 'Platform to pull for a multi-platform image' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and verified certificates when pulling (false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l rm -d 'Remove the container when it exits'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l replace -d 'If a container with the --name exists, remove it (stopping it first) and create this one'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l no-healthcheck -d 'No health check, not even the image\'s'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s t -l tty -d 'Give the container a terminal (a pty from its own devpts)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Keep stdin open (without it the command reads /dev/null)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv-all -d 'Leave out every default and image environment variable (-e still sets them)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l env-host -d 'Pass rcon\'s whole environment into the container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l privileged -d 'Every capability of rcon\'s user namespace, no seccomp filter, kernel paths unmasked'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only -d 'Mount the root filesystem read-only (with tmpfs on /tmp, /run and /var/tmp)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l init -d 'Run a tiny init as PID 1 that reaps zombies and forwards signals'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Pull without progress output'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l help -d 'Print help (-h is --hostname, as in Podman)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l format -d 'Print as JSON ({"changed": [...], "added": [...], "deleted": [...]})' -r -f -a "json\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -s l -l latest -d 'The most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set an environment variable: KEY=VALUE, KEY to pass rcon\'s own value, or PREFIX* for several' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines, # comments)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -s u -l user -d 'Run as this user: user[:group] or uid[:gid], resolved in the container [default: the container\'s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory inside the container (must exist) [default: the container\'s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l preserve-fds -d 'Pass N more descriptors (3 to 3+N-1, which must be open) into the command' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep stdin open (without it the command reads /dev/null)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -s t -l tty -d 'Give the command a terminal (a pty from the container\'s devpts)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run the command in the background: return once it runs (its output goes to /dev/null)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l privileged -d 'Give the command every capability (the container\'s seccomp filter stays)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exec" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l external -d 'Also containers in storage that rcon does not run (rcon\'s store has none)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -s o -l output -d 'Write the tarball to FILE instead of standard output' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -s f -l format -d 'A Go template applied to each container (\'{{.State.Pid}}\', \'{{json .Config}}\'), or json' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -s s -l signal -d 'The signal to send: a name (TERM, SIGHUP) or a number' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l cidfile -d 'Signal the containers whose IDs these files hold (as written by --cidfile)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -s a -l all -d 'Signal every running container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -s l -l latest -d 'Signal the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l tail -d 'Only the last N lines' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l since -d 'Only output since this time (RFC 3339, a date, Unix seconds, or a duration such as 10m)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l until -d 'Only output until this time (same forms as --since)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new output until the container exits'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Prefix each line with its time'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -s n -l names -d 'Begin each line with its container\'s name (instead of its short ID, shown when there are several)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l color -d 'Show each container\'s lines in a colour of its own'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -s n -l last -d 'Only the N most recently created containers (any state)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter: id=REGEX, name=REGEX, status=STATE, exited=CODE, label=KEY[=VALUE], ancestor=IMAGE, before=/since=CONTAINER, volume=, network=, restart-policy=' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l format -d 'json, a Go template (\'{{.ID}} {{.Names}}\') or a table (\'table {{.ID}} {{.Status}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l sort -d 'Sort by: command, created, id, image, names, runningfor, size, status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''
pod\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -s a -l all -d 'Show every container, not only running ones'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l external -d 'Also show containers in storage that rcon does not run (rcon\'s store has none: the same as without)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print only the IDs'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Only the most recently created container (any state)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not shorten IDs and commands'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -s s -l size -d 'Show the size of each container\'s own files (and with its image\'s)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l ns -d 'Show the namespaces of running containers'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -s p -l pod -d 'Show the pod of each container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l sync -d 'Check each container\'s state against its processes (rcon always does)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ps" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -s n -l last -d 'Only the N most recently created containers (any state)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: id=REGEX, name=REGEX, status=STATE, exited=CODE, label=KEY[=VALUE], ancestor=IMAGE, before=/since=CONTAINER, volume=, network=, restart-policy=' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l format -d 'json, a Go template (\'{{.ID}} {{.Names}}\') or a table (\'table {{.ID}} {{.Status}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by: command, created, id, image, names, runningfor, size, status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''
pod\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show every container, not only running ones'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l external -d 'Also show containers in storage that rcon does not run (rcon\'s store has none: the same as without)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the IDs'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Only the most recently created container (any state)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not shorten IDs and commands'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -s s -l size -d 'Show the size of each container\'s own files (and with its image\'s)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l ns -d 'Show the namespaces of running containers'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -s p -l pod -d 'Show the pod of each container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l sync -d 'Check each container\'s state against its processes (rcon always does)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -s n -l last -d 'Only the N most recently created containers (any state)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: id=REGEX, name=REGEX, status=STATE, exited=CODE, label=KEY[=VALUE], ancestor=IMAGE, before=/since=CONTAINER, volume=, network=, restart-policy=' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l format -d 'json, a Go template (\'{{.ID}} {{.Names}}\') or a table (\'table {{.ID}} {{.Status}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l sort -d 'Sort by: command, created, id, image, names, runningfor, size, status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''
pod\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -s a -l all -d 'Show every container, not only running ones'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l external -d 'Also show containers in storage that rcon does not run (rcon\'s store has none: the same as without)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the IDs'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -s l -l latest -d 'Only the most recently created container (any state)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not shorten IDs and commands'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -s s -l size -d 'Show the size of each container\'s own files (and with its image\'s)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l ns -d 'Show the namespaces of running containers'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -s p -l pod -d 'Show the pod of each container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l sync -d 'Check each container\'s state against its processes (rcon always does)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -s a -l all -d 'Every running container (pause), or every paused one (unpause)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -s a -l all -d 'List the ports of every running container, each after its short ID'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from port" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l filter -d 'Only containers matching: label=KEY[=VALUE], label!=KEY[=VALUE], until=TIME (created before it: RFC 3339, a date, Unix seconds, or a duration such as 24h); may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s n -l name -d 'The container name the label\'s $NAME stands for [default: the image\'s short name]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l opt1 -d 'What the label\'s $OPT1 stands for' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l opt2 -d 'What the label\'s $OPT2 stands for' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l opt3 -d 'What the label\'s $OPT3 stands for' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l display -d 'Print the command the label gives, without running it'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s q -l quiet -d 'Do not print the command before running it'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -s t -l time -l timeout -d 'Seconds to wait after the stop signal before SIGKILL' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -s a -l all -d 'Restart every container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -s l -l latest -d 'Restart the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l running -d 'With --all: only the containers that run'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for a running container to stop before SIGKILL (with -f)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l cidfile -d 'Remove the containers whose IDs these files hold (as written by --cidfile)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l filter -d 'Remove the containers that match: KEY=VALUE as for `ps --filter`' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove running containers too (stopped first); a container that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'A container that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l depend -d 'Also remove the containers that depend on these (that use their network)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Also remove the containers\' anonymous volumes'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -s l -l latest -d 'Remove the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait for a running container to stop before SIGKILL (with -f)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l cidfile -d 'Remove the containers whose IDs these files hold (as written by --cidfile)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l filter -d 'Remove the containers that match: KEY=VALUE as for `ps --filter`' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -s f -l force -d 'Remove running containers too (stopped first); a container that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -s a -l all -d 'Remove every container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -s i -l ignore -d 'A container that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l depend -d 'Also remove the containers that depend on these (that use their network)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -s v -l volumes -d 'Also remove the containers\' anonymous volumes'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -s l -l latest -d 'Remove the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l sig-proxy -d 'Pass signals rcon receives on to the container\'s process (with -a)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l detach-keys -d 'Keys that detach from the session (with -a, -i and a terminal), leaving the container running: comma-separated ctrl-<KEY> or single characters; "" disables detaching' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -s f -l filter -d 'Start the containers that match: KEY=VALUE as for `ps --filter`' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -s a -l attach -d 'Attach to the container\'s output and wait for it to exit (one container; a running one is attached to)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -s i -l interactive -d 'Keep stdin attached (with -a)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l all -d 'Start every container that does not run'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -s l -l latest -d 'Start the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l format -d 'Go template, `table TEMPLATE` or json (fields: ID, Name, CPUPerc, MemUsage, MemPerc, NetIO, BlockIO, PIDS, UpTime, AVGCPU, …)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -s i -l interval -d 'Seconds between reports' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -s a -l all -d 'Show every container (those not running with zeros), not only running ones'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -s l -l latest -d 'The container created last'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-reset -d 'Do not clear the terminal between reports'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-stream -d 'One report, then exit'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-trunc -d 'Show full container IDs'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -s t -l time -l timeout -d 'Seconds to wait after the stop signal before SIGKILL' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l cidfile -d 'Stop the containers whose IDs these files hold (as written by --cidfile)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -s f -l filter -d 'Stop the containers that match: KEY=VALUE as for `ps --filter`' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -s a -l all -d 'Stop every running container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'A container that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -s l -l latest -d 'Stop the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Every running container (pause), or every paused one (unpause)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from unpause" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -s m -l memory -d 'Memory limit: NUMBER[UNIT], units b, k, m, g (0: none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l memory-reservation -d 'Memory soft limit: NUMBER[UNIT]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l memory-swap -d 'Memory plus swap limit: NUMBER[UNIT], or -1 for unlimited swap' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l memory-swappiness -d 'How readily the container\'s memory is swapped out (0 to 100, -1 for the system\'s)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l cpus -d 'Number of CPUs the container may use (CFS quota over a 100ms period)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l cpu-period -d 'CFS period, microseconds' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l cpu-quota -d 'CFS quota per period, microseconds' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l blkio-weight -d 'Block IO weight (10 to 1000)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l blkio-weight-device -d 'Block IO weight of a device: DEVICE-PATH:WEIGHT' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l device-read-bps -d 'Read rate limit from a device: DEVICE-PATH:RATE (e.g. /dev/sda:1mb)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l device-write-bps -d 'Write rate limit to a device: DEVICE-PATH:RATE' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l device-read-iops -d 'Read operations per second from a device: DEVICE-PATH:IOPS' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l device-write-iops -d 'Write operations per second to a device: DEVICE-PATH:IOPS' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l condition -d 'Wait until the containers are created, running, restarting, or stopped/exited (the default; prints their exit codes; -1 for the other conditions); may be repeated: any one will do' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "attach" -d 'Attach to a running container (same as `rcon attach`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "commit" -d 'Make a new image from a container\'s changes (same as `rcon commit`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "cp" -d 'Copy files between a container and the host (same as `rcon cp`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a container without starting it (same as `rcon create`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Show what a container changed in its image\'s files (same as `rcon diff`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "exec" -d 'Run a command in a running container (same as `rcon exec`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the container exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a container\'s files as a tarball (same as `rcon export`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show a container\'s configuration and state (same as `rcon inspect --type container`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Send a signal to running containers (same as `rcon kill`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show a container\'s output (same as `rcon logs`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "ps" -d 'List containers (same as `rcon ps`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Freeze a container\'s processes (same as `rcon pause`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "port" -d 'List a container\'s published ports (same as `rcon port`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every container that does not run'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Give a container a new name (same as `rcon rename`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "runlabel" -d 'Run the command an image\'s label holds (INSTALL, RUN, …), as Podman\'s runlabel'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Stop and start containers again (same as `rcon restart`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove containers (same as `rcon rm`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start containers (same as `rcon start`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Show containers\' resource use (same as `rcon stats`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop running containers (same as `rcon stop`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "top" -d 'Show a container\'s processes (same as `rcon top`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "unpause" -d 'Thaw paused containers (same as `rcon unpause`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a container\'s resource limits (same as `rcon update`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait for containers to exit (same as `rcon wait`)'
complete -c rcon -n "__fish_rcon_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand cp" -s a -l archive -d 'Give what is copied into a container to the container\'s user (its primary group too), as Podman does; with -a=false, files keep the owners the source gives (as rcon\'s user namespace sees them, or as the tar stream says)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l overwrite -d 'Let a directory replace a non-directory and the reverse (otherwise an error)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l pause -d 'Accepted for Podman\'s scripts; rcon never pauses the container (Podman\'s --pause=false)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand cp" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand cp" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand cp" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand cp" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand create" -l name -d 'Name the container (default: a generated adjective_scientist name)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l restart -d 'Restart policy, kept by the container\'s monitor: no, on-failure[:MAX-RETRIES], always, unless-stopped' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l stop-timeout -d 'Seconds `rcon stop` waits for the container to stop before killing it, when not given -t [default: 10]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l timeout -d 'Seconds the command may run: then its monitor kills it (exit code -1, as Podman) [default: 0, no limit]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l health-cmd -d 'Health check: a shell command, a JSON array (["CMD", …] or an argv), or none' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l health-interval -d 'Time between checks, run by the container\'s monitor (disable: only `rcon healthcheck run`) [default: 30s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l health-retries -d 'Failures in a row that make the container unhealthy [default: 3]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l health-timeout -d 'Longest a check may take [default: 30s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l health-start-period -d 'Time after the start in which failures do not count [default: 0s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, stop or restart' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -s m -l memory -d 'Memory limit: NUMBER[UNIT], units b, k, m, g (0: none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l memory-reservation -d 'Memory soft limit: NUMBER[UNIT]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l memory-swap -d 'Memory plus swap limit: NUMBER[UNIT], or -1 for unlimited swap' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l memory-swappiness -d 'How readily the container\'s memory is swapped out (0 to 100, -1 for the system\'s)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l cpus -d 'Number of CPUs the container may use (CFS quota over a 100ms period)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l cpu-period -d 'CFS period, microseconds' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l cpu-quota -d 'CFS quota per period, microseconds' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l blkio-weight -d 'Block IO weight (10 to 1000)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l blkio-weight-device -d 'Block IO weight of a device: DEVICE-PATH:WEIGHT' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l device-read-bps -d 'Read rate limit from a device: DEVICE-PATH:RATE (e.g. /dev/sda:1mb)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l device-write-bps -d 'Write rate limit to a device: DEVICE-PATH:RATE' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l device-read-iops -d 'Read operations per second from a device: DEVICE-PATH:IOPS' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l device-write-iops -d 'Write operations per second to a device: DEVICE-PATH:IOPS' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l pids-limit -d 'Limit the number of processes (-1 or 0: unlimited)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l oom-score-adj -d 'Tune the container\'s OOM score (-1000 to 1000; rootless, only raised above rcon\'s own)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l kernel-memory -d 'Accepted for compatibility, and ignored with a warning (as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l cidfile -d 'Write the container\'s ID to this file (refused if it exists)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand create" -l stop-signal -d 'Signal that `rcon stop` sends first (a name such as USR1 or a number) [default: the image\'s StopSignal, else TERM]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -s e -l env -d 'Set an environment variable: KEY=VALUE, KEY to pass rcon\'s own value, or PREFIX* for several' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l secret -d 'Give the container a secret (`rcon secret create`): NAME[,type=mount|env][,target=PATH|VAR][,uid=N,gid=N,mode=OCTAL]; mounted read-only at /run/secrets/NAME by default' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l systemd -d 'Systemd mode (container_uuid, tmpfs on /run, /run/lock, /tmp, /var/log/journal, stop signal SIGRTMIN+3): true (when the command is systemd or init), false, always' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l sdnotify -d 'Who tells a systemd unit (NOTIFY_SOCKET) the service is ready: container (the command, given the socket), conmon (rcon, once it runs), ignore' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l cgroups -d 'Podman\'s cgroup modes (enabled, disabled, no-conmon, split): accepted; rcon\'s monitor is never in a cgroup of its own' -r -f -a "enabled\t''
disabled\t''
no-conmon\t''
split\t''"
complete -c rcon -n "__fish_rcon_using_subcommand create" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines, # comments)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand create" -l unsetenv -d 'Leave out a default or image environment variable (-e still sets it)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l tz -d 'The container\'s time zone (its /etc/localtime): an IANA name such as Europe/Paris, or local for the host\'s' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l log-driver -d 'Where the container\'s output is logged: k8s-file (the default; json-file is taken as it, as Podman does), passthrough (only to rcon\'s own streams, foreground only) or none' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l log-opt -d 'Logging option: path=FILE (the log file), max-size=SIZE (the log starts again empty when it would grow past it), tag=TAG' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l http-proxy -d 'Pass rcon\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand create" -s v -l volume -d 'Bind mount or volume: HOST-DIR:CTR-DIR[:OPTIONS], NAME:CTR-DIR[:OPTIONS], or CTR-DIR (anonymous volume)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l mount -d 'Mount: type=bind|volume|tmpfs,source=…,destination=…[,ro][,…]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l tmpfs -d 'Mount a tmpfs: PATH[:OPTIONS] (size=, mode=, noexec, …)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l volumes-from -d 'Mount the volumes and bind mounts of another container, at the same places: CONTAINER[:ro|rw]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes), tmpfs or ignore [default: containers.conf\'s image_volume_mode, else bind]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l ulimit -d 'Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core, …; -1 for unlimited)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l userns -d 'User namespace: keep-id (your own UID and GID inside, as on the host) or host (rcon\'s, the default)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l hostuser -d 'Add this host user\'s passwd entry (a name or UID) to the container\'s /etc/passwd' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l cap-add -d 'Add a capability (e.g. NET_RAW, or ALL)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l cap-drop -d 'Drop a capability (e.g. CHOWN, or ALL)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l security-opt -d 'seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false], label=disable, apparmor=unconfined' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -s u -l user -d 'Run as this user: user[:group] or uid[:gid], resolved in the container' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l group-add -d 'Add a supplementary group' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -s w -l workdir -d 'Working directory inside the container (created when missing)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l entrypoint -d 'Override the image\'s entrypoint (a command or a JSON array; \'\' clears it)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -s h -l hostname -d 'The container\'s hostname [default: its short ID]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l network -l net -d 'Network: private (pasta where installed, else slirp4netns), pasta[:OPTIONS], slirp4netns[:OPTIONS], none (loopback only), host, ns:PATH, container:NAME, or the name of a network made with `rcon network create` (repeat it to put the container on several)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l network-alias -d 'Another name other containers on the user-defined network know this one by; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l ipc -d 'IPC namespace: shareable (the default: others may join it), private, none (no /dev/shm), host, container:NAME or ns:PATH' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l pod -d 'Run in this pod (name or ID), sharing the namespaces of its infra container; new:NAME creates the pod first' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l pod-id-file -d 'Run in the pod whose ID this file holds (written by `rcon pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand create" -l requires -d 'Containers (names or IDs, comma-separated) started before this one whenever it starts' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -s p -l publish -d 'Publish a container port on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp], ranges as 8000-8010:80-90' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l dns -d 'Name server for the container\'s /etc/resolv.conf (replaces the default)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf (\'.\' for none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l dns-option -l dns-opt -d 'Resolver option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l add-host -d 'Add a line to the container\'s /etc/hosts: NAME:IP (IP may be host-gateway)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -s l -l label -d 'Add a label: KEY=VALUE' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l label-file -d 'Read labels from a file (KEY=VALUE lines, # comments); -l wins over it' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand create" -l annotation -d 'Add an annotation to the container: KEY=VALUE' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l pull -d 'When to pull the image' -r -f -a "missing\t''
always\t''
never\t''
newer\t''"
complete -c rcon -n "__fish_rcon_using_subcommand create" -l platform -d 'Platform to pull for a multi-platform image' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l tls-verify -d 'Require HTTPS and verified certificates when pulling (false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand create" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand create" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand create" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand create" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand create" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand create" -l rm -d 'Remove the container when it exits'
complete -c rcon -n "__fish_rcon_using_subcommand create" -l replace -d 'If a container with the --name exists, remove it (stopping it first) and create this one'
complete -c rcon -n "__fish_rcon_using_subcommand create" -l no-healthcheck -d 'No health check, not even the image\'s'
complete -c rcon -n "__fish_rcon_using_subcommand create" -s t -l tty -d 'Give the container a terminal (a pty from its own devpts)'
complete -c rcon -n "__fish_rcon_using_subcommand create" -s i -l interactive -d 'Keep stdin open (without it the command reads /dev/null)'
complete -c rcon -n "__fish_rcon_using_subcommand create" -l unsetenv-all -d 'Leave out every default and image environment variable (-e still sets them)'
complete -c rcon -n "__fish_rcon_using_subcommand create" -l env-host -d 'Pass rcon\'s whole environment into the container'
complete -c rcon -n "__fish_rcon_using_subcommand create" -l privileged -d 'Every capability of rcon\'s user namespace, no seccomp filter, kernel paths unmasked'
complete -c rcon -n "__fish_rcon_using_subcommand create" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c rcon -n "__fish_rcon_using_subcommand create" -l read-only -d 'Mount the root filesystem read-only (with tmpfs on /tmp, /run and /var/tmp)'
complete -c rcon -n "__fish_rcon_using_subcommand create" -l init -d 'Run a tiny init as PID 1 that reaps zombies and forwards signals'
complete -c rcon -n "__fish_rcon_using_subcommand create" -s q -l quiet -d 'Pull without progress output'
complete -c rcon -n "__fish_rcon_using_subcommand create" -l help -d 'Print help (-h is --hostname, as in Podman)'
complete -c rcon -n "__fish_rcon_using_subcommand create" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand create" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand create" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand exec" -s e -l env -d 'Set an environment variable: KEY=VALUE, KEY to pass rcon\'s own value, or PREFIX* for several' -r
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines, # comments)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand exec" -s u -l user -d 'Run as this user: user[:group] or uid[:gid], resolved in the container [default: the container\'s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand exec" -s w -l workdir -d 'Working directory inside the container (must exist) [default: the container\'s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l preserve-fds -d 'Pass N more descriptors (3 to 3+N-1, which must be open) into the command' -r
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand exec" -s i -l interactive -d 'Keep stdin open (without it the command reads /dev/null)'
complete -c rcon -n "__fish_rcon_using_subcommand exec" -s t -l tty -d 'Give the command a terminal (a pty from the container\'s devpts)'
complete -c rcon -n "__fish_rcon_using_subcommand exec" -s d -l detach -d 'Run the command in the background: return once it runs (its output goes to /dev/null)'
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l privileged -d 'Give the command every capability (the container\'s seccomp filter stays)'
complete -c rcon -n "__fish_rcon_using_subcommand exec" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand exec" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand exec" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand exec" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l format -d 'Print as JSON ({"changed": [...], "added": [...], "deleted": [...]})' -r -f -a "json\t''"
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand diff" -s l -l latest -d 'The most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand diff" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand diff" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand diff" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand diff" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand events" -s f -l filter -d 'Only events matching KEY=VALUE: container, event (or status), image, label, network, pod, type, volume, since, until; the same key given again is an alternative, different keys must all match' -r
complete -c rcon -n "__fish_rcon_using_subcommand events" -l format -d 'Print each event through a Go template, or as JSON with `json`' -r
complete -c rcon -n "__fish_rcon_using_subcommand events" -l no-trunc -d 'Show whole IDs (--no-trunc=false: 12 characters)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand events" -l since -d 'Only events since this time (RFC 3339, a date, Unix seconds, or a duration such as 10m)' -r
complete -c rcon -n "__fish_rcon_using_subcommand events" -l stream -d 'Keep showing new events as they happen (--stream=false: only those recorded, then exit)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand events" -l until -d 'Only events until this time (same forms as --since); a stream ends then' -r
complete -c rcon -n "__fish_rcon_using_subcommand events" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand events" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand events" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand events" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand events" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand events" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand events" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand events" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand events" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand events" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand events" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand events" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand events" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand export" -s o -l output -d 'Write the tarball to FILE instead of standard output' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand export" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand export" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand export" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand export" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand export" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand export" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand export" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand export" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand export" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand export" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand export" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand export" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand export" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -f -a "systemd" -d 'Print (or with --files write) a systemd unit that runs a container with rcon'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -f -a "kube" -d 'Generate Kubernetes YAML from containers, in the format of podman kube generate (same as `rcon kube generate`)'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l new -d 'Run a new container from the command line that made this one (removed when the unit stops)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l restart-policy -d 'systemd\'s Restart= (no, on-success, on-failure, on-abnormal, on-watchdog, on-abort, always) [default: on-failure, or with --new the container\'s policy]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l restart-sec -d 'systemd\'s RestartSec=' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l start-timeout -d 'systemd\'s TimeoutStartSec=' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s t -l time -l stop-timeout -d 'Seconds `stop` waits before SIGKILL [default: the container\'s stop timeout]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l container-prefix -d 'The unit name\'s prefix' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l separator -d 'Between the prefix and the name' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s e -l env -d 'Set an environment variable in the unit: KEY=VALUE, or KEY for rcon\'s own value' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l wants -d 'systemd\'s Wants= (may be repeated)' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l after -d 'systemd\'s After= (may be repeated)' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l requires -d 'systemd\'s Requires= (may be repeated)' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s n -l name -d 'Name the container by its name rather than its ID'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s f -l files -d 'Write the unit to a file in the working directory and print its path'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l no-header -d 'No comment header'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l template -d 'A template unit (NAME@.service) whose instances run containers named NAME-INSTANCE (needs --new)'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -s f -l filename -d 'Write the YAML to this file instead of stdout' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -s s -l service -d 'Also write a Service for the published ports'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from kube" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "systemd" -d 'Print (or with --files write) a systemd unit that runs a container with rcon'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "kube" -d 'Generate Kubernetes YAML from containers, in the format of podman kube generate (same as `rcon kube generate`)'
complete -c rcon -n "__fish_rcon_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand import" -s c -l change -d 'A Dockerfile instruction to apply to the image\'s config: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER or WORKDIR (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand import" -s m -l message -d 'A comment for the image\'s history' -r
complete -c rcon -n "__fish_rcon_using_subcommand import" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand import" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand import" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand import" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand import" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand import" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand import" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand import" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand import" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand import" -s q -l quiet -d 'Print nothing but the new image\'s ID (which is all rcon prints)'
complete -c rcon -n "__fish_rcon_using_subcommand import" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand import" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand import" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand import" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run a container\'s health check once now: exit 0 when it passes, 1 when it fails'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a container\'s health check once now: exit 0 when it passes, 1 when it fails'
complete -c rcon -n "__fish_rcon_using_subcommand healthcheck; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand history" -s H -l human -d 'Sizes and times in words ("3 days ago"); false: times in RFC 3339' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand history" -l format -d 'json, a Go template (\'{{.ID}} {{.CreatedBy}}\') or a table (\'table {{.ID}} {{.Size}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand history" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand history" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand history" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand history" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand history" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand history" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand history" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand history" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand history" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand history" -l no-trunc -d 'Show full IDs and commands'
complete -c rcon -n "__fish_rcon_using_subcommand history" -s q -l quiet -d 'Print only the IDs'
complete -c rcon -n "__fish_rcon_using_subcommand history" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand history" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand history" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand history" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "build" -d 'Build an image from a Containerfile or Dockerfile (same as `rcon build`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "exists" -d 'Exit 0 if the image is in local storage, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "history" -d 'Show the steps that built an image, newest first'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "inspect" -d 'Show an image\'s details as JSON'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "ls" -d 'List images (same as `rcon images`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "list" -d 'List images (same as `rcon images`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "load" -d 'Load images from an archive (same as `rcon load`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "prune" -d 'Remove images without a name that no container uses (-a: every unused image)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "pull" -d 'Pull an image from a registry (same as `rcon pull`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "push" -d 'Push an image to a registry (same as `rcon push`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "rm" -d 'Remove images (same as `rcon rmi`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "remove" -d 'Remove images (same as `rcon rmi`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "save" -d 'Save images to an archive (same as `rcon save`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "tag" -d 'Give an image more names (same as `rcon tag`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "untag" -d 'Take names off an image (same as `rcon untag`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and not __fish_seen_subcommand_from build exists history inspect ls list load prune pull push rm remove save tag untag help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -s t -l tag -d 'A name for the image, IMAGE[:TAG] (repeatable; short names go under localhost/)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -s f -l file -d 'The Containerfile (anywhere; - reads standard input; several are read as one) [default: Containerfile, else Dockerfile, in the context]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg -d 'A build argument, NAME=VALUE (NAME alone: from the environment; repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l target -d 'Build up to this stage (by its AS name) and make its image the result' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l layers -d 'Keep an image per step and reuse them in later builds' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l pull -d 'When to pull base images: always, missing, never or newer (alone: always)' -r -f -a "missing\t''
always\t''
never\t''
newer\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image ID to this file' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l label -d 'A label for the image, KEY=VALUE (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l format -d 'The image format: oci (docker is accepted and written as OCI for now)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l timestamp -d 'Seconds since the epoch for the image\'s times and every file of its new layers (reproducible builds: the same inputs give the same image ID)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l rm -d 'Remove the intermediate containers after each step' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l force-rm -d 'Remove the containers of failed steps too (rcon always does, as Podman does)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l jobs -d 'How many stages to build at once (rcon builds them one after another)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l network -d 'The network RUN steps get (as `rcon run --network`)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l tls-verify -d 'Verify TLS for registries pulled from' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -s o -l output -d 'Also write the image\'s files out: type=local,dest=DIR (or DIR alone), or type=tar,dest=FILE' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l ignorefile -d 'The ignore file [default: .containerignore, else .dockerignore, in the context]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l logfile -d 'Write the build\'s output (steps and RUN output) to this file instead of the terminal' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l authfile -d 'The auth file for pulling base images [default: $REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l secret -d 'A secret RUN --mount=type=secret can use, id=ID,src=FILE (or env=VAR); never stored in the image (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l ulimit -d 'RUN steps: resource limit, NAME=SOFT[:HARD] (as `rcon run --ulimit`)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l security-opt -d 'RUN steps: seccomp=unconfined|PROFILE.json, no-new-privileges, … (as `rcon run --security-opt`)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l cap-add -d 'RUN steps: add a capability' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l cap-drop -d 'RUN steps: drop a capability' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -s v -l volume -d 'RUN steps: a bind mount or volume, HOST-DIR:CTR-DIR[:OPTIONS] (as `rcon run -v`)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l dns -d 'Name server for the container\'s /etc/resolv.conf (replaces the default)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf (\'.\' for none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l dns-option -l dns-opt -d 'Resolver option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l add-host -d 'Add a line to the container\'s /etc/hosts: NAME:IP (IP may be host-gateway)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l no-cache -d 'Build every step again, using no cached image'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l pull-never -d 'Never pull base images (same as --pull=never)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l pull-always -d 'Always pull base images (same as --pull=always)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print nothing but the image ID'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Sizes and times in words ("3 days ago"); false: times in RFC 3339' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'json, a Go template (\'{{.ID}} {{.CreatedBy}}\') or a table (\'table {{.ID}} {{.Size}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Show full IDs and commands'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only the IDs'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'A Go template applied to each image (\'{{.ID}}\', \'{{json .Config}}\'), or json' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Show only images that match: reference=, before=IMAGE, after=/since=IMAGE, dangling=true|false, intermediate=true|false, label=KEY[=VALUE], id=, containers=true|false, readonly=, until=' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'json, a Go template (\'{{.Repository}}:{{.Tag}} {{.ID}}\') or a table (\'table {{.ID}} {{.Size}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by: created (newest first, the default), id, repository, size, tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only image IDs'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images, intermediate ones too (a build\'s unnamed steps)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show digests'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate image IDs'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l history -d 'Show the names each image has had'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -s f -l filter -d 'Show only images that match: reference=, before=IMAGE, after=/since=IMAGE, dangling=true|false, intermediate=true|false, label=KEY[=VALUE], id=, containers=true|false, readonly=, until=' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'json, a Go template (\'{{.Repository}}:{{.Tag}} {{.ID}}\') or a table (\'table {{.ID}} {{.Size}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l sort -d 'Sort by: created (newest first, the default), id, repository, size, tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only image IDs'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all images, intermediate ones too (a build\'s unnamed steps)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l digests -d 'Show digests'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate image IDs'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l history -d 'Show the names each image has had'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read the archive (docker-archive or oci-archive) from this file, or an http(s) URL [default: standard input]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Print nothing but errors'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from load" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove every image no container uses, named or not'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation (rcon never asks; accepted for Podman compatibility)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Pick this platform from a multi-platform image [default: the host\'s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only the image ID'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the pushed manifest\'s digest to this file' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'The auth file to use [default: $REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print nothing but errors'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every image'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the image even when it has several names; remove the containers using it too; an image that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'An image that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l no-prune -d 'Do not remove dangling parent images (rcon keeps none)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -s a -l all -d 'Remove every image'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -s f -l force -d 'Remove the image even when it has several names; remove the containers using it too; an image that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -s i -l ignore -d 'An image that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l no-prune -d 'Do not remove dangling parent images (rcon keeps none)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write the archive to this file [default: standard output, when it is not a terminal]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'Archive format' -r -f -a "docker-archive\t''
oci-archive\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -s m -l multi-image-archive -d 'Several images in one docker-archive (rcon always writes every image named; accepted for Podman\'s scripts)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l uncompressed -d 'Layers as plain tars in an oci-archive (a docker-archive\'s always are)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Print nothing but errors (rcon prints nothing else anyway)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from save" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from tag" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from untag" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "build" -d 'Build an image from a Containerfile or Dockerfile (same as `rcon build`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the image is in local storage, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show the steps that built an image, newest first'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show an image\'s details as JSON'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List images (same as `rcon images`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "load" -d 'Load images from an archive (same as `rcon load`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove images without a name that no container uses (-a: every unused image)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Pull an image from a registry (same as `rcon pull`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push an image to a registry (same as `rcon push`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove images (same as `rcon rmi`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "save" -d 'Save images to an archive (same as `rcon save`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "tag" -d 'Give an image more names (same as `rcon tag`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "untag" -d 'Take names off an image (same as `rcon untag`)'
complete -c rcon -n "__fish_rcon_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand images" -s f -l filter -d 'Show only images that match: reference=, before=IMAGE, after=/since=IMAGE, dangling=true|false, intermediate=true|false, label=KEY[=VALUE], id=, containers=true|false, readonly=, until=' -r
complete -c rcon -n "__fish_rcon_using_subcommand images" -l format -d 'json, a Go template (\'{{.Repository}}:{{.Tag}} {{.ID}}\') or a table (\'table {{.ID}} {{.Size}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand images" -l sort -d 'Sort by: created (newest first, the default), id, repository, size, tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c rcon -n "__fish_rcon_using_subcommand images" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand images" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand images" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand images" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand images" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand images" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand images" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand images" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand images" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand images" -s q -l quiet -d 'Print only image IDs'
complete -c rcon -n "__fish_rcon_using_subcommand images" -s a -l all -d 'Show all images, intermediate ones too (a build\'s unnamed steps)'
complete -c rcon -n "__fish_rcon_using_subcommand images" -l digests -d 'Show digests'
complete -c rcon -n "__fish_rcon_using_subcommand images" -l no-trunc -d 'Do not truncate image IDs'
complete -c rcon -n "__fish_rcon_using_subcommand images" -s n -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand images" -l history -d 'Show the names each image has had'
complete -c rcon -n "__fish_rcon_using_subcommand images" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand images" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand images" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand images" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand info" -s f -l format -d 'json, or a Go template over Podman\'s fields (\'{{.Host.Arch}}\', \'{{.Store.GraphRoot}}\'); default: text' -r
complete -c rcon -n "__fish_rcon_using_subcommand info" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand info" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand info" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand info" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand info" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand info" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand info" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand info" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand info" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand info" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand info" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand info" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand info" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand load" -s i -l input -d 'Read the archive (docker-archive or oci-archive) from this file, or an http(s) URL [default: standard input]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand load" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand load" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand load" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand load" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand load" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand load" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand load" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand load" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand load" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand load" -s q -l quiet -d 'Print nothing but errors'
complete -c rcon -n "__fish_rcon_using_subcommand load" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand load" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand load" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand load" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand login" -s u -l username -d 'User name [default: asked for on the terminal]' -r
complete -c rcon -n "__fish_rcon_using_subcommand login" -s p -l password -d 'Password (visible to other users in the process list: prefer --password-stdin)' -r
complete -c rcon -n "__fish_rcon_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand login" -l authfile -d 'The auth file to use [default: $REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand login" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand login" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand login" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand login" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand login" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand login" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand login" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand login" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand login" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand login" -l password-stdin -d 'Read the password from standard input'
complete -c rcon -n "__fish_rcon_using_subcommand login" -l get-login -d 'Print the user name saved for the registry and exit'
complete -c rcon -n "__fish_rcon_using_subcommand login" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand login" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand login" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand login" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l authfile -d 'The auth file to use [default: $REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand logout" -s a -l all -d 'Forget every saved credential'
complete -c rcon -n "__fish_rcon_using_subcommand logout" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand logout" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand logout" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand logout" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -s f -l format -d 'A Go template applied to each object (\'{{.State.Pid}}\', \'{{json .Config}}\'), or json' -r
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -s t -l type -d 'What the names are; all: a container, else an image, else a volume' -r -f -a "container\t''
image\t''
volume\t''
all\t''"
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -s l -l latest -d 'The most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand kill" -s s -l signal -d 'The signal to send: a name (TERM, SIGHUP) or a number' -r
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l cidfile -d 'Signal the containers whose IDs these files hold (as written by --cidfile)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kill" -s a -l all -d 'Signal every running container'
complete -c rcon -n "__fish_rcon_using_subcommand kill" -s l -l latest -d 'Signal the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand kill" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand kill" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand kill" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand kill" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -f -a "play" -d 'Create pods, containers and volumes from Kubernetes YAML (a file, or - for stdin)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -f -a "down" -d 'Stop and remove what `kube play` made from the same YAML (volumes kept unless --force)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -f -a "generate" -d 'Generate Kubernetes YAML from containers, in the format of podman kube generate, which kube play and Kubernetes read'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l network -d 'The pods\' network (as pod create\'s --network); a pod with hostNetwork keeps the host\'s' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l annotation -d 'Add an annotation to every pod: KEY=VALUE (values of at most 63 characters, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l start -d 'Start the containers once made' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l log-driver -d 'Where the containers\' output is logged: k8s-file (the default) or none' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l tls-verify -d 'Require HTTPS and verified certificates when pulling (false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l replace -d 'Remove pods of the same names first (stopping their containers)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l down -d 'Stop and remove what an earlier play of this YAML made instead (same as `rcon kube down`)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -s q -l quiet -d 'Pull images without progress output'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from play" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l force -d 'Also remove the volumes the YAML names (claims, ConfigMap and Secret volumes)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from down" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -s f -l filename -d 'Write the YAML to this file instead of stdout' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -s s -l service -d 'Also write a Service for the published ports'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "play" -d 'Create pods, containers and volumes from Kubernetes YAML (a file, or - for stdin)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "down" -d 'Stop and remove what `kube play` made from the same YAML (volumes kept unless --force)'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Generate Kubernetes YAML from containers, in the format of podman kube generate, which kube play and Kubernetes read'
complete -c rcon -n "__fish_rcon_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -f -a "kube" -d 'Create pods, containers and volumes from Kubernetes YAML (same as `rcon kube play`)'
complete -c rcon -n "__fish_rcon_using_subcommand play; and not __fish_seen_subcommand_from kube help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l network -d 'The pods\' network (as pod create\'s --network); a pod with hostNetwork keeps the host\'s' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l annotation -d 'Add an annotation to every pod: KEY=VALUE (values of at most 63 characters, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l start -d 'Start the containers once made' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l log-driver -d 'Where the containers\' output is logged: k8s-file (the default) or none' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l tls-verify -d 'Require HTTPS and verified certificates when pulling (false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l replace -d 'Remove pods of the same names first (stopping their containers)'
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l down -d 'Stop and remove what an earlier play of this YAML made instead (same as `rcon kube down`)'
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -s q -l quiet -d 'Pull images without progress output'
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from kube" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from help" -f -a "kube" -d 'Create pods, containers and volumes from Kubernetes YAML (same as `rcon kube play`)'
complete -c rcon -n "__fish_rcon_using_subcommand play; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l tail -d 'Only the last N lines' -r
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l since -d 'Only output since this time (RFC 3339, a date, Unix seconds, or a duration such as 10m)' -r
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l until -d 'Only output until this time (same forms as --since)' -r
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand logs" -s f -l follow -d 'Keep printing new output until the container exits'
complete -c rcon -n "__fish_rcon_using_subcommand logs" -s t -l timestamps -d 'Prefix each line with its time'
complete -c rcon -n "__fish_rcon_using_subcommand logs" -s n -l names -d 'Begin each line with its container\'s name (instead of its short ID, shown when there are several)'
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l color -d 'Show each container\'s lines in a colour of its own'
complete -c rcon -n "__fish_rcon_using_subcommand logs" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand logs" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand logs" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand logs" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "connect" -d 'Put a container on a network, running or not'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "create" -d 'Create a network containers reach each other on by name'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "disconnect" -d 'Take a container off a network, running or not'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "inspect" -d 'Show networks\' details as JSON'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "ls" -d 'List networks'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "list" -d 'List networks'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "prune" -d 'Remove every network no container uses'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "reload" -d 'Set running containers\' networks up again (a helper that died, an interface that went)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "rm" -d 'Remove networks'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "remove" -d 'Remove networks'
complete -c rcon -n "__fish_rcon_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l alias -d 'Another name the network\'s other containers know it by; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip -d 'Its IPv4 address on the network (default: the next free one)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l mac-address -d 'Its MAC address on the network, aa:bb:cc:dd:ee:ff (default: a random one)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from connect" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -s d -l driver -d 'Driver: only bridge' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l subnet -d 'The network\'s IPv4 subnet, A.B.C.D/N (default: the first free 10.89.N.0/24)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l gateway -d 'The bridge\'s address in the subnet (default: its first address)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l label -d 'Set a label on the network (KEY=VALUE or KEY); may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l internal -d 'No way out: containers on it get no network helper, only each other'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l ignore -d 'Succeed without change if the network already exists'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s f -l force -d 'Accepted for Podman compatibility (a container always leaves at once)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format with a Go template (e.g. \'{{.Name}} {{.Subnets}}\') or `json`' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l format -d 'Output format: `table`, `json` or a Go template (e.g. \'{{.Name}} {{.ID}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Show only networks matching: name=REGEX, id=PREFIX, driver=bridge, label=KEY[=VALUE]; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only network names'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate network IDs'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l format -d 'Output format: `table`, `json` or a Go template (e.g. \'{{.Name}} {{.ID}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -s f -l filter -d 'Show only networks matching: name=REGEX, id=PREFIX, driver=bridge, label=KEY[=VALUE]; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only network names'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate network IDs'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation (rcon never asks; accepted for Podman compatibility)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -s a -l all -d 'Every running container'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from reload" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for a container to stop before SIGKILL (with -f)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -s f -l force -d 'Also remove the containers on them (stopping running ones)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait for a container to stop before SIGKILL (with -f)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -s f -l force -d 'Also remove the containers on them (stopping running ones)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "connect" -d 'Put a container on a network, running or not'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a network containers reach each other on by name'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "disconnect" -d 'Take a container off a network, running or not'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show networks\' details as JSON'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List networks'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every network no container uses'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "reload" -d 'Set running containers\' networks up again (a helper that died, an interface that went)'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove networks'
complete -c rcon -n "__fish_rcon_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand pause" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pause" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pause" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pause" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pause" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pause" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pause" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pause" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pause" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pause" -s a -l all -d 'Every running container (pause), or every paused one (unpause)'
complete -c rcon -n "__fish_rcon_using_subcommand pause" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pause" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pause" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pause" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "create" -d 'Create a pod: an infra container holding the namespaces its containers share'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "exists" -d 'Exit 0 if the pod exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "inspect" -d 'Show a pod\'s configuration and containers as JSON (or through --format)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "kill" -d 'Send a signal to every running container of pods (default KILL)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "logs" -d 'Show the output of a pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "ps" -d 'List pods'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "ls" -d 'List pods'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "list" -d 'List pods'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "pause" -d 'Freeze the processes of pods\' containers (where the host allows it rootless)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "prune" -d 'Remove every pod none of whose containers runs'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "restart" -d 'Stop and start pods again'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "rm" -d 'Remove pods and their containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "remove" -d 'Remove pods and their containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "start" -d 'Start pods: the infra container first, then each container after what it requires'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "stop" -d 'Stop pods: their containers together, the infra container last'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "top" -d 'Show the processes of a pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "unpause" -d 'Thaw paused pods'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs ps ls list pause prune restart rm remove start stop top unpause help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -s n -l name -d 'The pod\'s name (default: a generated adjective_scientist name)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -s l -l label -d 'Add a label: KEY=VALUE' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l label-file -d 'Read labels from a file (KEY=VALUE lines, # comments)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l hostname -d 'The pod\'s hostname, which its containers share [default: the pod\'s name]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l share -d 'Namespaces the pod\'s containers share: a list of ipc, net, uts (or none), or +KIND to add to the default' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra -d 'Make an infra container holding the shared namespaces (false: none, nothing is shared)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-image -d 'The infra container\'s image [default: containers.conf\'s infra_image, else rcon\'s own pause, which needs none]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-command -d 'The infra container\'s command, split at spaces as Podman does, or a JSON array (replaces its image\'s entrypoint)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-name -d 'The infra container\'s name [default: <pod ID 12>-infra]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l network -l net -d 'Network of the pod: private (the default), pasta[:OPTIONS], slirp4netns[:OPTIONS], none, host, ns:PATH or a network\'s name' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l network-alias -d 'Another name the pod is known by on a user-defined network' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a port of the pod on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns -d 'Name server for the container\'s /etc/resolv.conf (replaces the default)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf (\'.\' for none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-option -l dns-opt -d 'Resolver option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l add-host -d 'Add a line to the container\'s /etc/hosts: NAME:IP (IP may be host-gateway)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Write the pod\'s ID to this file' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l exit-policy -d 'What the pod does when its last container exits: continue or stop' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l replace -d 'Remove a pod of the same name first (its containers too)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format with a Go template (e.g. \'{{.Name}} {{.State}}\') or `json`' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -s s -l signal -d 'The signal to send: a name (TERM, SIGHUP) or a number' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l pod-id-file -d 'Pods whose IDs these files hold (written by `pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -s a -l all -d 'Every pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -s l -l latest -d 'The most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s c -l container -d 'Only this container of the pod (name or ID)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l tail -d 'Only the last N lines' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l since -d 'Only output since this time (RFC 3339, a date, Unix seconds, or a duration such as 10m)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l until -d 'Only output until this time (same forms as --since)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new output until the container exits'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Prefix each line with its time'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s n -l names -d 'Begin each line with its container\'s name (instead of its short ID, shown when there are several)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l color -d 'Show each container\'s lines in a colour of its own'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter: id=, name=, label=KEY[=VALUE], status=created|running|degraded|exited|stopped, ctr-names=, ctr-ids=, ctr-status=, ctr-number=' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l format -d 'json, a Go template (\'{{.ID}} {{.Name}}\') or a table (\'table {{.ID}} {{.Status}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l sort -d 'Sort by: created, id, name, number (of containers), status' -r -f -a "created\t''
id\t''
name\t''
number\t''
status\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-ids -d 'Show the IDs of each pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-names -d 'Show the names of each pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-status -d 'Show the states of each pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Only the most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not shorten IDs'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ns -d 'Show the pods\' cgroup and shared namespaces'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print only the IDs'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ps" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: id=, name=, label=KEY[=VALUE], status=created|running|degraded|exited|stopped, ctr-names=, ctr-ids=, ctr-status=, ctr-number=' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l format -d 'json, a Go template (\'{{.ID}} {{.Name}}\') or a table (\'table {{.ID}} {{.Status}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by: created, id, name, number (of containers), status' -r -f -a "created\t''
id\t''
name\t''
number\t''
status\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-ids -d 'Show the IDs of each pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-names -d 'Show the names of each pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-status -d 'Show the states of each pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Only the most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not shorten IDs'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ns -d 'Show the pods\' cgroup and shared namespaces'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the IDs'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: id=, name=, label=KEY[=VALUE], status=created|running|degraded|exited|stopped, ctr-names=, ctr-ids=, ctr-status=, ctr-number=' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l format -d 'json, a Go template (\'{{.ID}} {{.Name}}\') or a table (\'table {{.ID}} {{.Status}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l sort -d 'Sort by: created, id, name, number (of containers), status' -r -f -a "created\t''
id\t''
name\t''
number\t''
status\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-ids -d 'Show the IDs of each pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-names -d 'Show the names of each pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-status -d 'Show the states of each pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -s l -l latest -d 'Only the most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not shorten IDs'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l ns -d 'Show the pods\' cgroup and shared namespaces'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the IDs'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l pod-id-file -d 'Pods whose IDs these files hold (written by `pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -s a -l all -d 'Every pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -s l -l latest -d 'The most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l pod-id-file -d 'Pods whose IDs these files hold (written by `pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -s a -l all -d 'Every pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -s l -l latest -d 'The most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for the containers to stop before SIGKILL [default: each one\'s stop timeout]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l pod-id-file -d 'Pods whose IDs these files hold (written by `pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s f -l force -d 'Stop running containers first'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Succeed for pods that do not exist'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s a -l all -d 'Every pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s l -l latest -d 'The most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait for the containers to stop before SIGKILL [default: each one\'s stop timeout]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l pod-id-file -d 'Pods whose IDs these files hold (written by `pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -s f -l force -d 'Stop running containers first'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -s i -l ignore -d 'Succeed for pods that do not exist'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -s a -l all -d 'Every pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -s l -l latest -d 'The most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l pod-id-file -d 'Pods whose IDs these files hold (written by `pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -s a -l all -d 'Every pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -s l -l latest -d 'The most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait for the containers to stop before SIGKILL [default: each one\'s stop timeout]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l pod-id-file -d 'Pods whose IDs these files hold (written by `pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Succeed for pods that do not exist'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s a -l all -d 'Every pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s l -l latest -d 'The most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l pod-id-file -d 'Pods whose IDs these files hold (written by `pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Every pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s l -l latest -d 'The most recently created pod'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a pod: an infra container holding the namespaces its containers share'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the pod exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show a pod\'s configuration and containers as JSON (or through --format)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Send a signal to every running container of pods (default KILL)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show the output of a pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "ps" -d 'List pods'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Freeze the processes of pods\' containers (where the host allows it rootless)'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every pod none of whose containers runs'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Stop and start pods again'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove pods and their containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start pods: the infra container first, then each container after what it requires'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop pods: their containers together, the infra container last'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "top" -d 'Show the processes of a pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "unpause" -d 'Thaw paused pods'
complete -c rcon -n "__fish_rcon_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand port" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand port" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand port" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand port" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand port" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand port" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand port" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand port" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand port" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand port" -s a -l all -d 'List the ports of every running container, each after its short ID'
complete -c rcon -n "__fish_rcon_using_subcommand port" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand port" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand port" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand port" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -s n -l last -d 'Only the N most recently created containers (any state)' -r
complete -c rcon -n "__fish_rcon_using_subcommand ps" -s f -l filter -d 'Filter: id=REGEX, name=REGEX, status=STATE, exited=CODE, label=KEY[=VALUE], ancestor=IMAGE, before=/since=CONTAINER, volume=, network=, restart-policy=' -r
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l format -d 'json, a Go template (\'{{.ID}} {{.Names}}\') or a table (\'table {{.ID}} {{.Status}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l sort -d 'Sort by: command, created, id, image, names, runningfor, size, status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''
pod\t''"
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand ps" -s a -l all -d 'Show every container, not only running ones'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l external -d 'Also show containers in storage that rcon does not run (rcon\'s store has none: the same as without)'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -s q -l quiet -d 'Print only the IDs'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -s l -l latest -d 'Only the most recently created container (any state)'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l no-trunc -d 'Do not shorten IDs and commands'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -s s -l size -d 'Show the size of each container\'s own files (and with its image\'s)'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l ns -d 'Show the namespaces of running containers'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -s p -l pod -d 'Show the pod of each container'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l sync -d 'Check each container\'s state against its processes (rcon always does)'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand ps" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -f -a "df" -d 'Show the disk space images, containers and volumes take'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -f -a "reset" -d 'Remove all of your rcon images, containers and state (storage root and runtime dir)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -f -a "migrate" -d 'Restart the user namespace, e.g. after /etc/subuid or /etc/subgid changed'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -f -a "info" -d 'Show how rcon is set up on this host (same as `rcon info`)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -f -a "service" -d 'Serve the Docker Engine API on a socket, for Docker\'s CLI, SDKs and tools (DOCKER_HOST)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from df reset migrate info service help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l format -d 'A Go template for each line of the summary (\'{{.Type}} {{.Size}}\'), or a table' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -s v -l verbose -d 'One line per image, container and volume'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from df" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -s f -l force -d 'Do not ask for confirmation'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -s f -l format -d 'json, or a Go template over Podman\'s fields (\'{{.Host.Arch}}\', \'{{.Store.GraphRoot}}\'); default: text' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -s t -l time -d 'Seconds without a connection before the service exits; 0 serves forever' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l cors -d 'Allow browsers on this origin (`*`: any) to use the API: sent as Access-Control-Allow-Origin' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from service" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "df" -d 'Show the disk space images, containers and volumes take'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Remove all of your rcon images, containers and state (storage root and runtime dir)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Restart the user namespace, e.g. after /etc/subuid or /etc/subgid changed'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "info" -d 'Show how rcon is set up on this host (same as `rcon info`)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "service" -d 'Serve the Docker Engine API on a socket, for Docker\'s CLI, SDKs and tools (DOCKER_HOST)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l platform -d 'Pick this platform from a multi-platform image [default: the host\'s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand pull" -s q -l quiet -d 'Print only the image ID'
complete -c rcon -n "__fish_rcon_using_subcommand pull" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand pull" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand pull" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand pull" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand push" -l digestfile -d 'Write the pushed manifest\'s digest to this file' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand push" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand push" -l authfile -d 'The auth file to use [default: $REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand push" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand push" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand push" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand push" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand push" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand push" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand push" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand push" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand push" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand push" -s q -l quiet -d 'Print nothing but errors'
complete -c rcon -n "__fish_rcon_using_subcommand push" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand push" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand push" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand push" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand rename" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand rename" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand rename" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand rename" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand rename" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand rename" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand rename" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand rename" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand rename" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand rename" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand rename" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand rename" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand rename" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand restart" -s t -l time -l timeout -d 'Seconds to wait after the stop signal before SIGKILL' -r
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand restart" -s a -l all -d 'Restart every container'
complete -c rcon -n "__fish_rcon_using_subcommand restart" -s l -l latest -d 'Restart the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l running -d 'With --all: only the containers that run'
complete -c rcon -n "__fish_rcon_using_subcommand restart" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand restart" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand restart" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand restart" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand rm" -s t -l time -d 'Seconds to wait for a running container to stop before SIGKILL (with -f)' -r
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l cidfile -d 'Remove the containers whose IDs these files hold (as written by --cidfile)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l filter -d 'Remove the containers that match: KEY=VALUE as for `ps --filter`' -r
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand rm" -s f -l force -d 'Remove running containers too (stopped first); a container that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand rm" -s a -l all -d 'Remove every container'
complete -c rcon -n "__fish_rcon_using_subcommand rm" -s i -l ignore -d 'A container that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l depend -d 'Also remove the containers that depend on these (that use their network)'
complete -c rcon -n "__fish_rcon_using_subcommand rm" -s v -l volumes -d 'Also remove the containers\' anonymous volumes'
complete -c rcon -n "__fish_rcon_using_subcommand rm" -s l -l latest -d 'Remove the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand rm" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand rm" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand rm" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand rm" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -s a -l all -d 'Remove every image'
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -s f -l force -d 'Remove the image even when it has several names; remove the containers using it too; an image that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -s i -l ignore -d 'An image that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l no-prune -d 'Do not remove dangling parent images (rcon keeps none)'
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand rmi" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l sig-proxy -d 'Pass signals rcon receives on to the container\'s process' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand run" -l detach-keys -d 'Keys that detach from a session with -it, leaving the container running under a monitor: comma-separated ctrl-<KEY> or single characters; "" disables detaching' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l conmon-pidfile -d 'Write the monitor\'s PID (Podman\'s conmon) to this file once the container runs (with -d)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand run" -l pidfile -d 'Write the container\'s PID to this file once it runs (with -d)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand run" -s a -l attach -d 'Attach to this stream of the container\'s (stdin, stdout or stderr; may be repeated) [default: all]; the log gets every stream' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l preserve-fds -d 'Pass N more descriptors (3 to 3+N-1, which must be open) into the container\'s command' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l name -d 'Name the container (default: a generated adjective_scientist name)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l restart -d 'Restart policy, kept by the container\'s monitor: no, on-failure[:MAX-RETRIES], always, unless-stopped' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l stop-timeout -d 'Seconds `rcon stop` waits for the container to stop before killing it, when not given -t [default: 10]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l timeout -d 'Seconds the command may run: then its monitor kills it (exit code -1, as Podman) [default: 0, no limit]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l health-cmd -d 'Health check: a shell command, a JSON array (["CMD", …] or an argv), or none' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l health-interval -d 'Time between checks, run by the container\'s monitor (disable: only `rcon healthcheck run`) [default: 30s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l health-retries -d 'Failures in a row that make the container unhealthy [default: 3]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l health-timeout -d 'Longest a check may take [default: 30s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l health-start-period -d 'Time after the start in which failures do not count [default: 0s]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, stop or restart' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -s m -l memory -d 'Memory limit: NUMBER[UNIT], units b, k, m, g (0: none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l memory-reservation -d 'Memory soft limit: NUMBER[UNIT]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l memory-swap -d 'Memory plus swap limit: NUMBER[UNIT], or -1 for unlimited swap' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l memory-swappiness -d 'How readily the container\'s memory is swapped out (0 to 100, -1 for the system\'s)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l cpus -d 'Number of CPUs the container may use (CFS quota over a 100ms period)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l cpu-period -d 'CFS period, microseconds' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l cpu-quota -d 'CFS quota per period, microseconds' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l blkio-weight -d 'Block IO weight (10 to 1000)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l blkio-weight-device -d 'Block IO weight of a device: DEVICE-PATH:WEIGHT' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l device-read-bps -d 'Read rate limit from a device: DEVICE-PATH:RATE (e.g. /dev/sda:1mb)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l device-write-bps -d 'Write rate limit to a device: DEVICE-PATH:RATE' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l device-read-iops -d 'Read operations per second from a device: DEVICE-PATH:IOPS' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l device-write-iops -d 'Write operations per second to a device: DEVICE-PATH:IOPS' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l pids-limit -d 'Limit the number of processes (-1 or 0: unlimited)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l oom-score-adj -d 'Tune the container\'s OOM score (-1000 to 1000; rootless, only raised above rcon\'s own)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l kernel-memory -d 'Accepted for compatibility, and ignored with a warning (as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l cidfile -d 'Write the container\'s ID to this file (refused if it exists)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand run" -l stop-signal -d 'Signal that `rcon stop` sends first (a name such as USR1 or a number) [default: the image\'s StopSignal, else TERM]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -s e -l env -d 'Set an environment variable: KEY=VALUE, KEY to pass rcon\'s own value, or PREFIX* for several' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l secret -d 'Give the container a secret (`rcon secret create`): NAME[,type=mount|env][,target=PATH|VAR][,uid=N,gid=N,mode=OCTAL]; mounted read-only at /run/secrets/NAME by default' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l systemd -d 'Systemd mode (container_uuid, tmpfs on /run, /run/lock, /tmp, /var/log/journal, stop signal SIGRTMIN+3): true (when the command is systemd or init), false, always' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l sdnotify -d 'Who tells a systemd unit (NOTIFY_SOCKET) the service is ready: container (the command, given the socket), conmon (rcon, once it runs), ignore' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l cgroups -d 'Podman\'s cgroup modes (enabled, disabled, no-conmon, split): accepted; rcon\'s monitor is never in a cgroup of its own' -r -f -a "enabled\t''
disabled\t''
no-conmon\t''
split\t''"
complete -c rcon -n "__fish_rcon_using_subcommand run" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines, # comments)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand run" -l unsetenv -d 'Leave out a default or image environment variable (-e still sets it)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l tz -d 'The container\'s time zone (its /etc/localtime): an IANA name such as Europe/Paris, or local for the host\'s' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l log-driver -d 'Where the container\'s output is logged: k8s-file (the default; json-file is taken as it, as Podman does), passthrough (only to rcon\'s own streams, foreground only) or none' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l log-opt -d 'Logging option: path=FILE (the log file), max-size=SIZE (the log starts again empty when it would grow past it), tag=TAG' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l http-proxy -d 'Pass rcon\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand run" -s v -l volume -d 'Bind mount or volume: HOST-DIR:CTR-DIR[:OPTIONS], NAME:CTR-DIR[:OPTIONS], or CTR-DIR (anonymous volume)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l mount -d 'Mount: type=bind|volume|tmpfs,source=…,destination=…[,ro][,…]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l tmpfs -d 'Mount a tmpfs: PATH[:OPTIONS] (size=, mode=, noexec, …)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l volumes-from -d 'Mount the volumes and bind mounts of another container, at the same places: CONTAINER[:ro|rw]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes), tmpfs or ignore [default: containers.conf\'s image_volume_mode, else bind]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l ulimit -d 'Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core, …; -1 for unlimited)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l userns -d 'User namespace: keep-id (your own UID and GID inside, as on the host) or host (rcon\'s, the default)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l hostuser -d 'Add this host user\'s passwd entry (a name or UID) to the container\'s /etc/passwd' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l cap-add -d 'Add a capability (e.g. NET_RAW, or ALL)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l cap-drop -d 'Drop a capability (e.g. CHOWN, or ALL)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l security-opt -d 'seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false], label=disable, apparmor=unconfined' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -s u -l user -d 'Run as this user: user[:group] or uid[:gid], resolved in the container' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l group-add -d 'Add a supplementary group' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -s w -l workdir -d 'Working directory inside the container (created when missing)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l entrypoint -d 'Override the image\'s entrypoint (a command or a JSON array; \'\' clears it)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -s h -l hostname -d 'The container\'s hostname [default: its short ID]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l network -l net -d 'Network: private (pasta where installed, else slirp4netns), pasta[:OPTIONS], slirp4netns[:OPTIONS], none (loopback only), host, ns:PATH, container:NAME, or the name of a network made with `rcon network create` (repeat it to put the container on several)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l network-alias -d 'Another name other containers on the user-defined network know this one by; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l ipc -d 'IPC namespace: shareable (the default: others may join it), private, none (no /dev/shm), host, container:NAME or ns:PATH' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l pod -d 'Run in this pod (name or ID), sharing the namespaces of its infra container; new:NAME creates the pod first' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l pod-id-file -d 'Run in the pod whose ID this file holds (written by `rcon pod create --pod-id-file`)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand run" -l requires -d 'Containers (names or IDs, comma-separated) started before this one whenever it starts' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -s p -l publish -d 'Publish a container port on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp], ranges as 8000-8010:80-90' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l dns -d 'Name server for the container\'s /etc/resolv.conf (replaces the default)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf (\'.\' for none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l dns-option -l dns-opt -d 'Resolver option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l add-host -d 'Add a line to the container\'s /etc/hosts: NAME:IP (IP may be host-gateway)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -s l -l label -d 'Add a label: KEY=VALUE' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l label-file -d 'Read labels from a file (KEY=VALUE lines, # comments); -l wins over it' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand run" -l annotation -d 'Add an annotation to the container: KEY=VALUE' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l pull -d 'When to pull the image' -r -f -a "missing\t''
always\t''
never\t''
newer\t''"
complete -c rcon -n "__fish_rcon_using_subcommand run" -l platform -d 'Platform to pull for a multi-platform image' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l tls-verify -d 'Require HTTPS and verified certificates when pulling (false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand run" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand run" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand run" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand run" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand run" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand run" -s d -l detach -d 'Run in the background under a monitor and print the container ID once the command runs'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l rmi -d 'Remove the image once the container exited and was removed (needs --rm); kept while other containers use it'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l rm -d 'Remove the container when it exits'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l replace -d 'If a container with the --name exists, remove it (stopping it first) and create this one'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l no-healthcheck -d 'No health check, not even the image\'s'
complete -c rcon -n "__fish_rcon_using_subcommand run" -s t -l tty -d 'Give the container a terminal (a pty from its own devpts)'
complete -c rcon -n "__fish_rcon_using_subcommand run" -s i -l interactive -d 'Keep stdin open (without it the command reads /dev/null)'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l unsetenv-all -d 'Leave out every default and image environment variable (-e still sets them)'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l env-host -d 'Pass rcon\'s whole environment into the container'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l privileged -d 'Every capability of rcon\'s user namespace, no seccomp filter, kernel paths unmasked'
complete -c rcon -n "__fish_rcon_using_subcommand run" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l read-only -d 'Mount the root filesystem read-only (with tmpfs on /tmp, /run and /var/tmp)'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l init -d 'Run a tiny init as PID 1 that reaps zombies and forwards signals'
complete -c rcon -n "__fish_rcon_using_subcommand run" -s q -l quiet -d 'Pull without progress output'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l help -d 'Print help (-h is --hostname, as in Podman)'
complete -c rcon -n "__fish_rcon_using_subcommand run" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand run" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand run" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -f -a "create" -d 'Create a secret from a file, or - for stdin (with --env: from an environment variable)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -f -a "exists" -d 'Exit 0 if the secret exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -f -a "inspect" -d 'Show secrets\' details (never their data) as JSON, or through --format'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -f -a "ls" -d 'List secrets'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -f -a "list" -d 'List secrets'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -f -a "rm" -d 'Remove secrets'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -f -a "remove" -d 'Remove secrets'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and not __fish_seen_subcommand_from create exists inspect ls list rm remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -s d -l driver -d 'The secret driver (only file: the data in a file of the user\'s store)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l driver-opts -d 'Driver options, KEY=VALUE[,KEY=VALUE…]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -s l -l label -d 'Set a label on the secret (KEY=VALUE or KEY); may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l env -d 'Read the data from the environment variable named in place of FILE'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l replace -d 'Replace the data of an existing secret of that name (keeping its ID)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s f -l format -d 'json, or a Go template applied to each secret (\'{{.Spec.Name}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l pretty -d 'Print in a human-readable form'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Show only secrets matching: name=REGEX, id=PREFIX, label=KEY[=VALUE]; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l format -d 'json, a Go template (\'{{.Name}}\') or a table (\'table {{.ID}} {{.Name}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only secret IDs'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -s f -l filter -d 'Show only secrets matching: name=REGEX, id=PREFIX, label=KEY[=VALUE]; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l format -d 'json, a Go template (\'{{.Name}}\') or a table (\'table {{.ID}} {{.Name}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only secret IDs'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every secret'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Do not fail on secrets that do not exist'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -s a -l all -d 'Remove every secret'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -s i -l ignore -d 'Do not fail on secrets that do not exist'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a secret from a file, or - for stdin (with --env: from an environment variable)'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the secret exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show secrets\' details (never their data) as JSON, or through --format'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List secrets'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove secrets'
complete -c rcon -n "__fish_rcon_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand start" -l sig-proxy -d 'Pass signals rcon receives on to the container\'s process (with -a)' -r -f -a "true\t''
false\t''"
complete -c rcon -n "__fish_rcon_using_subcommand start" -l detach-keys -d 'Keys that detach from the session (with -a, -i and a terminal), leaving the container running: comma-separated ctrl-<KEY> or single characters; "" disables detaching' -r
complete -c rcon -n "__fish_rcon_using_subcommand start" -s f -l filter -d 'Start the containers that match: KEY=VALUE as for `ps --filter`' -r
complete -c rcon -n "__fish_rcon_using_subcommand start" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand start" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand start" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand start" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand start" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand start" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand start" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand start" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand start" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand start" -s a -l attach -d 'Attach to the container\'s output and wait for it to exit (one container; a running one is attached to)'
complete -c rcon -n "__fish_rcon_using_subcommand start" -s i -l interactive -d 'Keep stdin attached (with -a)'
complete -c rcon -n "__fish_rcon_using_subcommand start" -l all -d 'Start every container that does not run'
complete -c rcon -n "__fish_rcon_using_subcommand start" -s l -l latest -d 'Start the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand start" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand start" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand start" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand start" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand save" -s o -l output -d 'Write the archive to this file [default: standard output, when it is not a terminal]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand save" -l format -d 'Archive format' -r -f -a "docker-archive\t''
oci-archive\t''"
complete -c rcon -n "__fish_rcon_using_subcommand save" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand save" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand save" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand save" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand save" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand save" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand save" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand save" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand save" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand save" -s m -l multi-image-archive -d 'Several images in one docker-archive (rcon always writes every image named; accepted for Podman\'s scripts)'
complete -c rcon -n "__fish_rcon_using_subcommand save" -l uncompressed -d 'Layers as plain tars in an oci-archive (a docker-archive\'s always are)'
complete -c rcon -n "__fish_rcon_using_subcommand save" -s q -l quiet -d 'Print nothing but errors (rcon prints nothing else anyway)'
complete -c rcon -n "__fish_rcon_using_subcommand save" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand save" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand save" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand save" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l format -d 'Go template, `table TEMPLATE` or json (fields: ID, Name, CPUPerc, MemUsage, MemPerc, NetIO, BlockIO, PIDS, UpTime, AVGCPU, …)' -r
complete -c rcon -n "__fish_rcon_using_subcommand stats" -s i -l interval -d 'Seconds between reports' -r
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand stats" -s a -l all -d 'Show every container (those not running with zeros), not only running ones'
complete -c rcon -n "__fish_rcon_using_subcommand stats" -s l -l latest -d 'The container created last'
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l no-reset -d 'Do not clear the terminal between reports'
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l no-stream -d 'One report, then exit'
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l no-trunc -d 'Show full container IDs'
complete -c rcon -n "__fish_rcon_using_subcommand stats" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand stats" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand stats" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand stats" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand stop" -s t -l time -l timeout -d 'Seconds to wait after the stop signal before SIGKILL' -r
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l cidfile -d 'Stop the containers whose IDs these files hold (as written by --cidfile)' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand stop" -s f -l filter -d 'Stop the containers that match: KEY=VALUE as for `ps --filter`' -r
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand stop" -s a -l all -d 'Stop every running container'
complete -c rcon -n "__fish_rcon_using_subcommand stop" -s i -l ignore -d 'A container that does not exist is no error'
complete -c rcon -n "__fish_rcon_using_subcommand stop" -s l -l latest -d 'Stop the most recently created container'
complete -c rcon -n "__fish_rcon_using_subcommand stop" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand stop" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand stop" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand stop" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand tag" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand tag" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand tag" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand tag" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand tag" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand tag" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand tag" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand tag" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand tag" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand tag" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand tag" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand tag" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand tag" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand top" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand top" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand top" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand top" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand top" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand top" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand top" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand top" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand top" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand top" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand top" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand top" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand top" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -s a -l all -d 'Every running container (pause), or every paused one (unpause)'
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand unpause" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand untag" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand untag" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand untag" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand untag" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand untag" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand untag" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand untag" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand untag" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand untag" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand untag" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand untag" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand untag" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand untag" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand update" -s m -l memory -d 'Memory limit: NUMBER[UNIT], units b, k, m, g (0: none)' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l memory-reservation -d 'Memory soft limit: NUMBER[UNIT]' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l memory-swap -d 'Memory plus swap limit: NUMBER[UNIT], or -1 for unlimited swap' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l memory-swappiness -d 'How readily the container\'s memory is swapped out (0 to 100, -1 for the system\'s)' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l cpus -d 'Number of CPUs the container may use (CFS quota over a 100ms period)' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l cpu-period -d 'CFS period, microseconds' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l cpu-quota -d 'CFS quota per period, microseconds' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l blkio-weight -d 'Block IO weight (10 to 1000)' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l blkio-weight-device -d 'Block IO weight of a device: DEVICE-PATH:WEIGHT' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l device-read-bps -d 'Read rate limit from a device: DEVICE-PATH:RATE (e.g. /dev/sda:1mb)' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l device-write-bps -d 'Write rate limit to a device: DEVICE-PATH:RATE' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l device-read-iops -d 'Read operations per second from a device: DEVICE-PATH:IOPS' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l device-write-iops -d 'Write operations per second to a device: DEVICE-PATH:IOPS' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand update" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand update" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand update" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand update" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand update" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand update" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand update" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand update" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand version" -s f -l format -d 'json, or a Go template over Podman\'s fields (\'{{.Client.Version}}\'); default: text' -r
complete -c rcon -n "__fish_rcon_using_subcommand version" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand version" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand version" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand version" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand version" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand version" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand version" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand version" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand version" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand version" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand version" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand version" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand version" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "create" -d 'Create a volume (a random 64-hex name when none is given)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "exists" -d 'Exit 0 if the volume exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "export" -d 'Write a volume\'s files as a tarball (to stdout, or --output)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "import" -d 'Put the files of a tarball (a file, or - for stdin) into a volume'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "inspect" -d 'Show volumes\' details as JSON (or through --format)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "ls" -d 'List volumes'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "list" -d 'List volumes'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "mount" -d 'Print a volume\'s directory on the host (inside `rcon unshare`, where its files have their owners)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "prune" -d 'Remove every volume no container uses'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "rm" -d 'Remove volumes'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "remove" -d 'Remove volumes'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "unmount" -d 'Undo `volume mount` (rcon\'s volumes are plain directories: nothing to do)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list mount prune rm remove unmount help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -s l -l label -d 'Set a label on the volume (KEY=VALUE or KEY); may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -s o -l opt -d 'A local driver option: type=tmpfs|bind, device=PATH (bind), o=MOUNT-OPTIONS; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l ignore -d 'Succeed without change if the volume already exists'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file instead of stdout' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s f -l format -d 'json, or a Go template applied to each volume (\'{{.Mountpoint}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s a -l all -d 'Inspect every volume'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l format -d 'json, a Go template (\'{{.Name}}\') or a table (\'table {{.Name}} {{.Mountpoint}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Show only volumes matching: name=REGEX, label=KEY[=VALUE], driver=local; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only volume names'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l format -d 'json, a Go template (\'{{.Name}}\') or a table (\'table {{.Name}} {{.Mountpoint}}\')' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -s f -l filter -d 'Show only volumes matching: name=REGEX, label=KEY[=VALUE], driver=local; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only volume names'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the header line'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from mount" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l filter -d 'Only volumes matching: name=REGEX, label=KEY[=VALUE], driver=local; may be repeated' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for those containers to stop before SIGKILL (with -f)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every volume no container uses'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -s f -l force -d 'Do not fail on volumes that do not exist; remove the containers that use them (stopped first)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait for those containers to stop before SIGKILL (with -f)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -s a -l all -d 'Remove every volume no container uses'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -s f -l force -d 'Do not fail on volumes that do not exist; remove the containers that use them (stopped first)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a volume (a random 64-hex name when none is given)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the volume exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a volume\'s files as a tarball (to stdout, or --output)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "import" -d 'Put the files of a tarball (a file, or - for stdin) into a volume'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show volumes\' details as JSON (or through --format)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List volumes'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "mount" -d 'Print a volume\'s directory on the host (inside `rcon unshare`, where its files have their owners)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every volume no container uses'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove volumes'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "unmount" -d 'Undo `volume mount` (rcon\'s volumes are plain directories: nothing to do)'
complete -c rcon -n "__fish_rcon_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l condition -d 'Wait until the containers are created, running, restarting, or stopped/exited (the default; prints their exit codes; -1 for the other conditions); may be repeated: any one will do' -r
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l volumepath -d 'Directory for named volumes [default: volumes under the storage root]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l log-level -d 'How much to log on stderr: trace, debug, info, warn (the default), error (also warning, fatal, panic, as Podman)' -r
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l storage-driver -d 'How containers\' root filesystems are made: overlay (kernel), fuse-overlay (rcon\'s own, on FUSE) or vfs (a full copy) [default: the store\'s choice, see `rcon info`]' -r
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l cgroup-manager -d 'Podman\'s cgroup manager (cgroupfs or systemd): accepted; rcon talks to no systemd' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l events-backend -d 'Where events are recorded and read: file (also for journald, which rcon does not write) or none [default: containers.conf\'s events_logger, else file]' -r
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l runtime -d 'The OCI runtime: rcon runs containers with its own (rcon); a runtime Podman would find (crun, runc, … in PATH, or a path) is accepted, others refused [default: containers.conf\'s runtime]' -r
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l runtime-flag -d 'A global flag for the OCI runtime, as crun\'s and runc\'s (debug, log=FILE, log-format=json, systemd-cgroup, …); containers fail to start with any other (repeatable)' -r
complete -c rcon -n "__fish_rcon_using_subcommand wait" -s D -l debug -d 'Log at debug level (same as --log-level=debug)'
complete -c rcon -n "__fish_rcon_using_subcommand wait" -l noout -d 'Print nothing on stdout'
complete -c rcon -n "__fish_rcon_using_subcommand wait" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand wait" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "attach" -d 'Attach to a running container\'s output (and stdin, when started with -i) until it exits or the detach keys'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "build" -d 'Build an image from a Containerfile or Dockerfile'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "commit" -d 'Make a new image from a container\'s changes'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "container" -d 'Manage containers: commit, cp, diff, export, inspect, pause, port, prune, rename, stats, top, unpause, update'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "cp" -d 'Copy files between a container and the host (or a tar stream)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "create" -d 'Create a container without starting it'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "exec" -d 'Run a command in a running container'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "diff" -d 'Show what a container changed in its image\'s files: A (added), C (changed), D (deleted)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "events" -d 'Show events: what happened to containers, images, volumes and networks (new ones as they come, unless --stream=false)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "export" -d 'Write a container\'s whole filesystem as a tarball'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "generate" -d 'Generate configuration for a container: systemd units, Kubernetes YAML'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "import" -d 'Make an image of a root filesystem tarball (a file or - for standard input), as `export` writes one'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "healthcheck" -d 'Run a container\'s health check'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "history" -d 'Show the steps that built an image, newest first (same as `rcon image history`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "image" -d 'Manage images: history, inspect, list, load, prune, pull, push, remove, save, tag'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "images" -d 'List images in local storage'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "info" -d 'Show how rcon is set up on this host, and every problem found with its fix'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "load" -d 'Load images from a docker-archive or oci-archive tarball'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "login" -d 'Log in to a registry: check the credentials and save them in auth.json'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "logout" -d 'Remove a registry\'s saved credentials'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "inspect" -d 'Show a container\'s (or else an image\'s or a volume\'s) configuration and state as JSON (or through --format)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "kill" -d 'Send a signal to running containers (default KILL)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "kube" -d 'Kubernetes YAML: play it (pods, containers, volumes), take it down, generate it from containers'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "play" -d 'Play Kubernetes YAML (Podman\'s older spelling of `rcon kube play`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "logs" -d 'Show a container\'s output (stdout and stderr, as logged by its monitor)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "network" -d 'Manage networks containers reach each other on: create, exists, inspect, list, prune, remove'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "pause" -d 'Freeze the processes of running containers (where the host allows it rootless)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "pod" -d 'Manage pods: containers sharing network, IPC and UTS namespaces, started and stopped together'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "port" -d 'List a container\'s published ports, or the host address of one'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "ps" -d 'List containers (running ones; -a for all)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "system" -d 'Manage rcon itself: reset storage, restart the user namespace, show info'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "pull" -d 'Pull an image from a registry'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "push" -d 'Push an image to a registry'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "rename" -d 'Give a container a new name'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "restart" -d 'Stop and start containers again (detached)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "rm" -d 'Remove containers'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "rmi" -d 'Remove images'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "run" -d 'Run a command in a new container'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "secret" -d 'Manage secrets: create, exists, inspect, list, remove'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "start" -d 'Start created or exited containers in the background (-a: attached, in the foreground)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "save" -d 'Save images to a docker-archive or oci-archive tarball'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "stats" -d 'Show containers\' resource use: CPU, memory, network and block I/O, PIDs'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "stop" -d 'Stop running containers: the stop signal, then SIGKILL after a timeout'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "tag" -d 'Give an image another name'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "top" -d 'Show the processes running in a container'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "unshare" -d 'Run a command inside rcon\'s user namespace (to inspect or remove storage files)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "unpause" -d 'Thaw paused containers'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "untag" -d 'Take names off an image (all of them when none is given)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "update" -d 'Change a container\'s resource limits'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "version" -d 'Show the rcon version'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "volume" -d 'Manage volumes: create, inspect, list, prune, remove'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "wait" -d 'Wait for containers to exit and print their exit codes'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from attach build commit container cp create exec diff events export generate import healthcheck history image images info load login logout inspect kill kube play logs network pause pod port ps system pull push rename restart rm rmi run secret start save stats stop tag top unshare unpause untag update version volume wait help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "attach" -d 'Attach to a running container (same as `rcon attach`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "commit" -d 'Make a new image from a container\'s changes (same as `rcon commit`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "cp" -d 'Copy files between a container and the host (same as `rcon cp`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "create" -d 'Create a container without starting it (same as `rcon create`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "diff" -d 'Show what a container changed in its image\'s files (same as `rcon diff`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exec" -d 'Run a command in a running container (same as `rcon exec`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exists" -d 'Exit 0 if the container exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "export" -d 'Write a container\'s files as a tarball (same as `rcon export`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "inspect" -d 'Show a container\'s configuration and state (same as `rcon inspect --type container`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "kill" -d 'Send a signal to running containers (same as `rcon kill`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "logs" -d 'Show a container\'s output (same as `rcon logs`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "ps" -d 'List containers (same as `rcon ps`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "pause" -d 'Freeze a container\'s processes (same as `rcon pause`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "port" -d 'List a container\'s published ports (same as `rcon port`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "prune" -d 'Remove every container that does not run'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rename" -d 'Give a container a new name (same as `rcon rename`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "runlabel" -d 'Run the command an image\'s label holds (INSTALL, RUN, …), as Podman\'s runlabel'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "restart" -d 'Stop and start containers again (same as `rcon restart`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rm" -d 'Remove containers (same as `rcon rm`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "start" -d 'Start containers (same as `rcon start`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "stats" -d 'Show containers\' resource use (same as `rcon stats`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "stop" -d 'Stop running containers (same as `rcon stop`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "top" -d 'Show a container\'s processes (same as `rcon top`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "unpause" -d 'Thaw paused containers (same as `rcon unpause`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "update" -d 'Change a container\'s resource limits (same as `rcon update`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "wait" -d 'Wait for containers to exit (same as `rcon wait`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "systemd" -d 'Print (or with --files write) a systemd unit that runs a container with rcon'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "kube" -d 'Generate Kubernetes YAML from containers, in the format of podman kube generate (same as `rcon kube generate`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from healthcheck" -f -a "run" -d 'Run a container\'s health check once now: exit 0 when it passes, 1 when it fails'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "build" -d 'Build an image from a Containerfile or Dockerfile (same as `rcon build`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "exists" -d 'Exit 0 if the image is in local storage, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "history" -d 'Show the steps that built an image, newest first'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "inspect" -d 'Show an image\'s details as JSON'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "ls" -d 'List images (same as `rcon images`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "load" -d 'Load images from an archive (same as `rcon load`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "prune" -d 'Remove images without a name that no container uses (-a: every unused image)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "pull" -d 'Pull an image from a registry (same as `rcon pull`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "push" -d 'Push an image to a registry (same as `rcon push`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "rm" -d 'Remove images (same as `rcon rmi`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "save" -d 'Save images to an archive (same as `rcon save`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "tag" -d 'Give an image more names (same as `rcon tag`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "untag" -d 'Take names off an image (same as `rcon untag`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from kube" -f -a "play" -d 'Create pods, containers and volumes from Kubernetes YAML (a file, or - for stdin)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from kube" -f -a "down" -d 'Stop and remove what `kube play` made from the same YAML (volumes kept unless --force)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from kube" -f -a "generate" -d 'Generate Kubernetes YAML from containers, in the format of podman kube generate, which kube play and Kubernetes read'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from play" -f -a "kube" -d 'Create pods, containers and volumes from Kubernetes YAML (same as `rcon kube play`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "connect" -d 'Put a container on a network, running or not'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "create" -d 'Create a network containers reach each other on by name'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "disconnect" -d 'Take a container off a network, running or not'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "inspect" -d 'Show networks\' details as JSON'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "ls" -d 'List networks'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "prune" -d 'Remove every network no container uses'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "reload" -d 'Set running containers\' networks up again (a helper that died, an interface that went)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "rm" -d 'Remove networks'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "create" -d 'Create a pod: an infra container holding the namespaces its containers share'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "exists" -d 'Exit 0 if the pod exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "inspect" -d 'Show a pod\'s configuration and containers as JSON (or through --format)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "kill" -d 'Send a signal to every running container of pods (default KILL)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "logs" -d 'Show the output of a pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "ps" -d 'List pods'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "pause" -d 'Freeze the processes of pods\' containers (where the host allows it rootless)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "prune" -d 'Remove every pod none of whose containers runs'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "restart" -d 'Stop and start pods again'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "rm" -d 'Remove pods and their containers'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "start" -d 'Start pods: the infra container first, then each container after what it requires'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "stop" -d 'Stop pods: their containers together, the infra container last'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "top" -d 'Show the processes of a pod\'s containers'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "unpause" -d 'Thaw paused pods'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "df" -d 'Show the disk space images, containers and volumes take'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "reset" -d 'Remove all of your rcon images, containers and state (storage root and runtime dir)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "migrate" -d 'Restart the user namespace, e.g. after /etc/subuid or /etc/subgid changed'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "info" -d 'Show how rcon is set up on this host (same as `rcon info`)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "service" -d 'Serve the Docker Engine API on a socket, for Docker\'s CLI, SDKs and tools (DOCKER_HOST)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "create" -d 'Create a secret from a file, or - for stdin (with --env: from an environment variable)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "exists" -d 'Exit 0 if the secret exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "inspect" -d 'Show secrets\' details (never their data) as JSON, or through --format'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "ls" -d 'List secrets'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "rm" -d 'Remove secrets'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "create" -d 'Create a volume (a random 64-hex name when none is given)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "exists" -d 'Exit 0 if the volume exists, 1 if not'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "export" -d 'Write a volume\'s files as a tarball (to stdout, or --output)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "import" -d 'Put the files of a tarball (a file, or - for stdin) into a volume'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "inspect" -d 'Show volumes\' details as JSON (or through --format)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "ls" -d 'List volumes'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "mount" -d 'Print a volume\'s directory on the host (inside `rcon unshare`, where its files have their owners)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "prune" -d 'Remove every volume no container uses'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "rm" -d 'Remove volumes'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "unmount" -d 'Undo `volume mount` (rcon\'s volumes are plain directories: nothing to do)'
