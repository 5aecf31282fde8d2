# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rcon_global_optspecs
    string join \n root= runroot= log-level= h/help V/version
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
complete -c rcon -n "__fish_rcon_needs_command" -l log-level -d 'How much to log on stderr' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c rcon -n "__fish_rcon_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcon -n "__fish_rcon_needs_command" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "info" -d 'Show how rcon is set up on this host, and every problem found with its fix'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "system" -d 'Manage rcon itself: reset storage, restart the user namespace, show info'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "unshare" -d 'Run a command inside rcon\'s user namespace (to inspect or remove storage files)'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "version" -d 'Show the rcon version'
complete -c rcon -n "__fish_rcon_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand info" -s f -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c rcon -n "__fish_rcon_using_subcommand info" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand info" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand info" -l log-level -d 'How much to log on stderr' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c rcon -n "__fish_rcon_using_subcommand info" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand info" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from reset migrate info help" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from reset migrate info help" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from reset migrate info help" -l log-level -d 'How much to log on stderr' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from reset migrate info help" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from reset migrate info help" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from reset migrate info help" -f -a "reset" -d 'Remove all of your rcon images, containers and state (storage root and runtime dir)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from reset migrate info help" -f -a "migrate" -d 'Restart the user namespace, e.g. after /etc/subuid or /etc/subgid changed'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from reset migrate info help" -f -a "info" -d 'Show how rcon is set up on this host (same as `rcon info`)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and not __fish_seen_subcommand_from reset migrate info help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -l log-level -d 'How much to log on stderr' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -s f -l force -d 'Do not ask for confirmation'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l log-level -d 'How much to log on stderr' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -s f -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -l log-level -d 'How much to log on stderr' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Remove all of your rcon images, containers and state (storage root and runtime dir)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Restart the user namespace, e.g. after /etc/subuid or /etc/subgid changed'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "info" -d 'Show how rcon is set up on this host (same as `rcon info`)'
complete -c rcon -n "__fish_rcon_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -l log-level -d 'How much to log on stderr' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand unshare" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand version" -s f -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c rcon -n "__fish_rcon_using_subcommand version" -l root -d 'Storage root for images, layers and containers [default: $XDG_DATA_HOME/rcon, i.e. ~/.local/share/rcon]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand version" -l runroot -d 'Directory for runtime state: the pause process, container state, sockets [default: $XDG_RUNTIME_DIR/rcon, else /tmp/rcon-$UID]' -r -F
complete -c rcon -n "__fish_rcon_using_subcommand version" -l log-level -d 'How much to log on stderr' -r -f -a "error\t''
warn\t''
info\t''
debug\t''
trace\t''"
complete -c rcon -n "__fish_rcon_using_subcommand version" -s h -l help -d 'Print help'
complete -c rcon -n "__fish_rcon_using_subcommand version" -s V -l version -d 'Print version'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from info system unshare version help" -f -a "info" -d 'Show how rcon is set up on this host, and every problem found with its fix'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from info system unshare version help" -f -a "system" -d 'Manage rcon itself: reset storage, restart the user namespace, show info'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from info system unshare version help" -f -a "unshare" -d 'Run a command inside rcon\'s user namespace (to inspect or remove storage files)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from info system unshare version help" -f -a "version" -d 'Show the rcon version'
complete -c rcon -n "__fish_rcon_using_subcommand help; and not __fish_seen_subcommand_from info system unshare version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "reset" -d 'Remove all of your rcon images, containers and state (storage root and runtime dir)'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "migrate" -d 'Restart the user namespace, e.g. after /etc/subuid or /etc/subgid changed'
complete -c rcon -n "__fish_rcon_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "info" -d 'Show how rcon is set up on this host (same as `rcon info`)'
