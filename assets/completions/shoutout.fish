# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_shoutout_global_optspecs
    string join \n db= demo h/help
end

function __fish_shoutout_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_shoutout_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_shoutout_using_subcommand
    set -l cmd (__fish_shoutout_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c shoutout -n "__fish_shoutout_needs_command" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_needs_command" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_needs_command" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "influencer" -d 'Add, list or archive influencers'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "code" -d 'Give promo codes to influencers'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "cost" -d 'Record what creators cost: fees, product, shipping, bonuses'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "post" -d 'Log posts and their engagement'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "campaign" -d 'Group costs, codes and posts into campaigns'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "link" -d 'Build and save UTM tracking links'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "import" -d 'Import a shop\'s order export (preview with --dry-run; undo with --undo-last)'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "scorecard" -d 'The ranked scorecard, as a table or CSV'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "lift" -d 'What each creator really caused: orders over the baseline around her posts, with her code or without it, less a leaked code\'s uses (see docs/lift.md)'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "settings" -d 'The shop\'s cost of goods, payment fees and refund hold (profit and payouts use them)'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "payout" -d 'Commission payouts: record one, or see what each creator is owed'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "gift" -d 'The gift ledger: who got what, who posted, whom to follow up'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "product" -d 'What one unit of each product costs you (goods cost per order comes from them)'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "plan" -d 'What a deal must bring to break even, what to expect, and the most worth paying'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "report" -d 'A report to share: one self-contained HTML file with the charts, the scorecard and the definitions; with --influencer, her own page only'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "channel" -d 'The shop\'s other channels (Meta ads, a newsletter) to compare creators with'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "event" -d 'Sales, markets and press mentions: days the lift model puts down to the shop'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, elvish, powershell) to standard output'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "man" -d 'Print the man page (roff) to standard output'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "demo" -d 'Load the demo shop into the database (it must be empty)'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "backup" -d 'Write a consistent copy of the database to FILE (safe while the app is running)'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "restore" -d 'Replace the database with a backup (the current one is backed up first)'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "paths" -d 'Show where the data lives'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "doctor" -d 'Check the database: its integrity, and that the facts derived from the orders (first orders, day sums) match the orders; --rebuild computes those again from every order'
complete -c shoutout -n "__fish_shoutout_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and not __fish_seen_subcommand_from add list archive help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and not __fish_seen_subcommand_from add list archive help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and not __fish_seen_subcommand_from add list archive help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and not __fish_seen_subcommand_from add list archive help" -f -a "add" -d 'Add an influencer'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and not __fish_seen_subcommand_from add list archive help" -f -a "list" -d 'List influencers with their codes'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and not __fish_seen_subcommand_from add list archive help" -f -a "archive" -d 'Archive an influencer (history kept; `--undo` restores)'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and not __fish_seen_subcommand_from add list archive help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from add" -l platform -d 'instagram, tiktok, youtube, pinterest, facebook, blog or other' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from add" -l followers -d 'Current follower count' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from add" -l name -d 'Display name' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from add" -l commission -d 'Commission on attributed net revenue, in percent (10 = 10 %)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from add" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from add" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from list" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from list" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from archive" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from archive" -l undo
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from archive" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from archive" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an influencer'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from help" -f -a "list" -d 'List influencers with their codes'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from help" -f -a "archive" -d 'Archive an influencer (history kept; `--undo` restores)'
complete -c shoutout -n "__fish_shoutout_using_subcommand influencer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and not __fish_seen_subcommand_from add update list delete help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and not __fish_seen_subcommand_from add update list delete help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and not __fish_seen_subcommand_from add update list delete help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and not __fish_seen_subcommand_from add update list delete help" -f -a "add" -d 'Give a promo code to an influencer (codes match case-insensitively)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and not __fish_seen_subcommand_from add update list delete help" -f -a "update" -d 'Move a promo code into a campaign (or out of one), or to another influencer'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and not __fish_seen_subcommand_from add update list delete help" -f -a "list" -d 'List promo codes and their owners'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and not __fish_seen_subcommand_from add update list delete help" -f -a "delete" -d 'Delete a promo code (orders that used it stop counting for its owner)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and not __fish_seen_subcommand_from add update list delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from add" -l influencer -r
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from add" -l campaign -d 'The campaign the code belongs to' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from add" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from add" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from update" -l campaign -d 'The campaign it belongs to from now on' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from update" -l influencer -d 'The influencer it credits from now on' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from update" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from update" -l no-campaign -d 'It belongs to no campaign from now on'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from update" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from list" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from list" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from delete" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask for confirmation'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from delete" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from help" -f -a "add" -d 'Give a promo code to an influencer (codes match case-insensitively)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from help" -f -a "update" -d 'Move a promo code into a campaign (or out of one), or to another influencer'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from help" -f -a "list" -d 'List promo codes and their owners'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a promo code (orders that used it stop counting for its owner)'
complete -c shoutout -n "__fish_shoutout_using_subcommand code; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and not __fish_seen_subcommand_from add list delete help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and not __fish_seen_subcommand_from add list delete help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and not __fish_seen_subcommand_from add list delete help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and not __fish_seen_subcommand_from add list delete help" -f -a "add" -d 'Record a cost (of a creator, or with --channel of a channel such as Meta ads)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and not __fish_seen_subcommand_from add list delete help" -f -a "list" -d 'List cost entries, newest first (with their ids)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and not __fish_seen_subcommand_from add list delete help" -f -a "delete" -d 'Delete a cost entry by its id (see `cost list`)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and not __fish_seen_subcommand_from add list delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from add" -l influencer -r
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from add" -l channel -d 'A channel\'s spend instead (see `shoutout channel add`)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from add" -l kind -d 'fee, product, shipping, bonus or other' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from add" -l amount -d 'Amount like 250.00 (the shop\'s currency)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from add" -l date -d 'YYYY-MM-DD [default: today]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from add" -l note -r
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from add" -l campaign -r
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from add" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from add" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from list" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from list" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from delete" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask for confirmation'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from delete" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "add" -d 'Record a cost (of a creator, or with --channel of a channel such as Meta ads)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "list" -d 'List cost entries, newest first (with their ids)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a cost entry by its id (see `cost list`)'
complete -c shoutout -n "__fish_shoutout_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and not __fish_seen_subcommand_from add update list delete help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and not __fish_seen_subcommand_from add update list delete help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and not __fish_seen_subcommand_from add update list delete help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and not __fish_seen_subcommand_from add update list delete help" -f -a "add" -d 'Log a post'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and not __fish_seen_subcommand_from add update list delete help" -f -a "update" -d 'Change a post by its id (see `post list`): only the fields given change'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and not __fish_seen_subcommand_from add update list delete help" -f -a "list" -d 'List posts, newest first, with their ids and every field'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and not __fish_seen_subcommand_from add update list delete help" -f -a "delete" -d 'Delete a post by its id (see `post list`)'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and not __fish_seen_subcommand_from add update list delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l influencer -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l date -d 'YYYY-MM-DD [default: today]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l followers -d 'Followers at post time [default: the influencer\'s follower count]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l likes -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l comments -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l shares -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l saves -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l views -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l reach -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l impressions -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l clicks -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l platform -d '[default: the influencer\'s platform]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l url -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l format -d 'reel, story, video, short, pin, article...' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l campaign -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l content-value -d 'What reusing her content saved you (a photo shoot, an ad creative)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l sentiment -d 'How the post was received: positive, neutral or negative' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l note -d 'What people said, or anything worth keeping about the post' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l influencer -d 'Move the post to another influencer' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l date -d 'YYYY-MM-DD [default: today]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l followers -d 'Followers at post time [default: the influencer\'s follower count]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l likes -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l comments -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l shares -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l saves -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l views -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l reach -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l impressions -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l clicks -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l platform -d '[default: the influencer\'s platform]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l url -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l format -d 'reel, story, video, short, pin, article...' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l campaign -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l content-value -d 'What reusing her content saved you (a photo shoot, an ad creative)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l sentiment -d 'How the post was received: positive, neutral or negative' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l note -d 'What people said, or anything worth keeping about the post' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from list" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from list" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from delete" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask for confirmation'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from delete" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from help" -f -a "add" -d 'Log a post'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a post by its id (see `post list`): only the fields given change'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from help" -f -a "list" -d 'List posts, newest first, with their ids and every field'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a post by its id (see `post list`)'
complete -c shoutout -n "__fish_shoutout_using_subcommand post; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and not __fish_seen_subcommand_from add target show list help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and not __fish_seen_subcommand_from add target show list help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and not __fish_seen_subcommand_from add target show list help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and not __fish_seen_subcommand_from add target show list help" -f -a "add" -d 'Create a campaign'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and not __fish_seen_subcommand_from add target show list help" -f -a "target" -d 'Set a campaign\'s budget and targets (those given; the others stay)'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and not __fish_seen_subcommand_from add target show list help" -f -a "show" -d 'A campaign\'s progress toward its targets and budget, and whether it is on track'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and not __fish_seen_subcommand_from add target show list help" -f -a "list" -d 'List campaigns'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and not __fish_seen_subcommand_from add target show list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l goal -d 'sales or awareness' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l start -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l end -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l budget -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l target-revenue -d 'Revenue target' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l target-orders -d 'Orders target' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l target-new-customers -d 'New customers target' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l target-reach -d 'Reach target (sum of her posts\' reach)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l target-impressions -d 'Impressions target (sum of her posts\' impressions)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from target" -l budget -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from target" -l target-revenue -d 'Revenue target' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from target" -l target-orders -d 'Orders target' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from target" -l target-new-customers -d 'New customers target' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from target" -l target-reach -d 'Reach target (sum of her posts\' reach)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from target" -l target-impressions -d 'Impressions target (sum of her posts\' impressions)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from target" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from target" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from target" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from show" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from show" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from list" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from list" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "add" -d 'Create a campaign'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "target" -d 'Set a campaign\'s budget and targets (those given; the others stay)'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "show" -d 'A campaign\'s progress toward its targets and budget, and whether it is on track'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "list" -d 'List campaigns'
complete -c shoutout -n "__fish_shoutout_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and not __fish_seen_subcommand_from add list delete help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and not __fish_seen_subcommand_from add list delete help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and not __fish_seen_subcommand_from add list delete help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and not __fish_seen_subcommand_from add list delete help" -f -a "add" -d 'Build a UTM link for an influencer, save it and print it'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and not __fish_seen_subcommand_from add list delete help" -f -a "list" -d 'List saved links (with their ids)'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and not __fish_seen_subcommand_from add list delete help" -f -a "delete" -d 'Delete a saved link by its id (see `link list`)'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and not __fish_seen_subcommand_from add list delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from add" -l influencer -r
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from add" -l url -d 'The page to link to, e.g. https://shop.example/mugs' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from add" -l campaign -d 'utm_campaign (and the campaign it is saved under, if one has this name)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from add" -l content -d 'utm_content, e.g. story_jan15' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from add" -l medium -d 'utm_medium [default: the influencer\'s platform]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from add" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from add" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from list" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from list" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from delete" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask for confirmation'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from delete" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from help" -f -a "add" -d 'Build a UTM link for an influencer, save it and print it'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from help" -f -a "list" -d 'List saved links (with their ids)'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a saved link by its id (see `link list`)'
complete -c shoutout -n "__fish_shoutout_using_subcommand link; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l format -d 'The layout: auto, shopify, etsy, etsy-items, woocommerce, woocommerce-export or mapped' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l mapping -d 'A column mapping (TOML) for any other CSV; saved, so later files with the same header need no flag' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l currency -d 'The currency of a file that has no currency column [default: the shop\'s, else USD]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l gift-cost-pct -d 'Record gift orders as product cost at this percent of their retail value (your cost of goods); remembered for later imports [default: 100]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l shop -d 'A name for the shop the file comes from [default: the format\'s name]; orders are keyed by (shop, order number)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l rate -d 'Convert orders in another currency into the shop\'s: CUR=RATE, the shop\'s units per one CUR (e.g. --rate USD=32.10 in a lira shop); repeat for more currencies' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l dry-run -d 'Show what would change, write nothing'
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l skip-invalid -d 'Import the valid orders even if some are invalid (they are listed)'
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l undo-last -d 'Undo the last import instead'
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l json -d 'Print the summary as one JSON object (counts, net revenue of the counted orders, dates, what the file lacks, warnings, unknown codes)'
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l fix-dates -d 'Import dates a spreadsheet misread (11/12/20 read back as 2011-12-20) as the dates they meant; without it those orders are invalid, each named with its reading'
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l sort -d 'roi, cac, engagement, revenue, profit or ltv-cac' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l from -d 'First day counted (YYYY-MM-DD)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l to -d 'Last day counted (YYYY-MM-DD)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l platform -d 'Only influencers on this platform' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l campaign -d 'Only this campaign\'s costs, posts and codes' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l view -d 'Rank by another answer to "who is worth it?": code (last touch, the default), customer (first touch: what her customers spent over their window) or incremental (what the lift model says she caused)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l force -d 'Replace FILE even if it is not a scorecard CSV that shoutout wrote (the database is never replaced)'
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l channels -d 'Show the shop\'s other channels below the creators (never in their ranks)'
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l json -d 'Print JSON for scripts (amounts as decimal strings) instead of the table'
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l compare -d 'Each creator\'s rank under all three views, one line each'
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand scorecard" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l from -d 'First day counted (YYYY-MM-DD) [default: the first order\'s]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l to -d 'Last day counted (YYYY-MM-DD) [default: the last order\'s]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l window-days -d 'The longest a post can act, in days' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l leak-min-uses -d 'The fewest first uses of a code since a leak\'s start for a leak to be suspected (the step in its use must also hold steady, more than her posts explain: docs/lift.md)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l min-orders -d 'Fewer incremental orders than this mark a rank as uncertain ("?")' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l shop -d 'Only this shop\'s orders (the name it was imported under, `import --shop`) [default: every shop, each on a baseline of its own]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l json -d 'Print JSON for scripts (amounts as decimal strings) instead of the table'
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand lift" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and not __fish_seen_subcommand_from set unset list help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and not __fish_seen_subcommand_from set unset list help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and not __fish_seen_subcommand_from set unset list help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and not __fish_seen_subcommand_from set unset list help" -f -a "set" -d 'Set one: cogs-pct P, payment-fee-pct F, payment-fee-fixed X, refund-hold-days N'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and not __fish_seen_subcommand_from set unset list help" -f -a "unset" -d 'Forget one (profit figures go empty once neither a cost of goods nor a fee is set)'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and not __fish_seen_subcommand_from set unset list help" -f -a "list" -d 'Show them all'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and not __fish_seen_subcommand_from set unset list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from set" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from set" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from unset" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from unset" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set one: cogs-pct P, payment-fee-pct F, payment-fee-fixed X, refund-hold-days N'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Forget one (profit figures go empty once neither a cost of goods nor a fee is set)'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show them all'
complete -c shoutout -n "__fish_shoutout_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and not __fish_seen_subcommand_from add list help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and not __fish_seen_subcommand_from add list help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Record a commission payout (it settles commission already in her cost)'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'Commission earned, held (inside the refund hold), paid and owed, per creator'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from add" -l influencer -r
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from add" -l amount -r
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from add" -l date -d 'YYYY-MM-DD [default: today]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from add" -l note -r
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from add" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from add" -l force -d 'Record it even though she is owed nothing (an advance)'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from add" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from list" -l as-of -d 'The day to account on [default: today]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from list" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from list" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from help" -f -a "add" -d 'Record a commission payout (it settles commission already in her cost)'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from help" -f -a "list" -d 'Commission earned, held (inside the refund hold), paid and owed, per creator'
complete -c shoutout -n "__fish_shoutout_using_subcommand payout; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and not __fish_seen_subcommand_from add decline delete undecline update list help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and not __fish_seen_subcommand_from add decline delete undecline update list help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and not __fish_seen_subcommand_from add decline delete undecline update list help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and not __fish_seen_subcommand_from add decline delete undecline update list help" -f -a "add" -d 'Record a gift: its cost becomes a product cost, its shipping a shipping cost'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and not __fish_seen_subcommand_from add decline delete undecline update list help" -f -a "decline" -d 'Mark her gift of that day declined'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and not __fish_seen_subcommand_from add decline delete undecline update list help" -f -a "delete" -d 'Delete a gift by its id (see `gift list`), with the cost entries it made'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and not __fish_seen_subcommand_from add decline delete undecline update list help" -f -a "undecline" -d 'A gift marked declined by mistake: waiting for her post again'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and not __fish_seen_subcommand_from add decline delete undecline update list help" -f -a "update" -d 'Correct a gift by its id (see `gift list`): only what is given changes, and its cost entries follow'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and not __fish_seen_subcommand_from add decline delete undecline update list help" -f -a "list" -d 'The ledger: each gift\'s status (posted, declined, follow_up, waiting)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and not __fish_seen_subcommand_from add decline delete undecline update list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from add" -l influencer -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from add" -l date -d 'The day it was sent (YYYY-MM-DD)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from add" -l item -d 'What was sent' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from add" -l retail -d 'What it sells for (kept for the ledger, never a cost)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from add" -l cost -d 'What it cost you' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from add" -l shipping -d 'What sending it cost' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from add" -l campaign -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from add" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from add" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from decline" -l influencer -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from decline" -l date -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from decline" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from decline" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from decline" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from delete" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask for confirmation'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from delete" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from undecline" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from undecline" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from undecline" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from update" -l date -d 'The day it was sent (YYYY-MM-DD)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from update" -l item -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from update" -l retail -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from update" -l cost -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from update" -l shipping -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from update" -l campaign -d 'File it under this campaign' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from update" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from update" -l no-campaign -d 'Take it out of its campaign'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from update" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from list" -l as-of -d 'The day to judge on [default: today]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from list" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from list" -l due -d 'Only the gifts waiting for a follow-up: the week\'s to-do'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from list" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from help" -f -a "add" -d 'Record a gift: its cost becomes a product cost, its shipping a shipping cost'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from help" -f -a "decline" -d 'Mark her gift of that day declined'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a gift by its id (see `gift list`), with the cost entries it made'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from help" -f -a "undecline" -d 'A gift marked declined by mistake: waiting for her post again'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from help" -f -a "update" -d 'Correct a gift by its id (see `gift list`): only what is given changes, and its cost entries follow'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from help" -f -a "list" -d 'The ledger: each gift\'s status (posted, declined, follow_up, waiting)'
complete -c shoutout -n "__fish_shoutout_using_subcommand gift; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and not __fish_seen_subcommand_from cost help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and not __fish_seen_subcommand_from cost help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and not __fish_seen_subcommand_from cost help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and not __fish_seen_subcommand_from cost help" -f -a "cost" -d 'Unit costs per SKU: import, set, list or delete them'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and not __fish_seen_subcommand_from cost help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and __fish_seen_subcommand_from cost" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and __fish_seen_subcommand_from cost" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and __fish_seen_subcommand_from cost" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and __fish_seen_subcommand_from cost" -f -a "import" -d 'Read unit costs from Shopify\'s product export (Variant SKU, Cost per item) or a two-column sku,cost CSV; all of them or, on an error, none'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and __fish_seen_subcommand_from cost" -f -a "set" -d 'Set what one unit of a SKU costs you'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and __fish_seen_subcommand_from cost" -f -a "list" -d 'List the SKUs with a cost'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and __fish_seen_subcommand_from cost" -f -a "delete" -d 'Forget a SKU\'s cost (its orders fall back to the shop-wide cogs-pct)'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and __fish_seen_subcommand_from cost" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and __fish_seen_subcommand_from help" -f -a "cost" -d 'Unit costs per SKU: import, set, list or delete them'
complete -c shoutout -n "__fish_shoutout_using_subcommand product; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l influencer -d 'A creator the shop has worked with (her own history is used)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l followers -d 'A creator not yet hired: her followers (the shop\'s creators of her tier are used)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l platform -r
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l fee -d 'The fee offered' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l product -d 'What the product sent costs you' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l commission -d 'Her commission, percent of her attributed revenue [default: hers, else 0]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l posts -d 'Posts the deal buys' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l from -d 'With --schedule: the first day to plan from, YYYY-MM-DD [default: today]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l csv -d 'With --schedule: write the days as CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l schedule -d 'Instead of a deal: the next days her post would stand alone (no other creator\'s burst, no event) and the smallest effect the lift model could tell from zero on each'
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand plan" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand report" -l from -d 'First day counted (YYYY-MM-DD)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand report" -l to -d 'Last day counted (YYYY-MM-DD)' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand report" -l influencer -d 'A page for this creator: her own results only, never another creator\'s' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand report" -l campaign -d 'Only this campaign\'s costs, posts and codes' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand report" -l sort -d 'roi, cac, engagement, revenue, profit or ltv-cac: the ranking\'s measure' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand report" -l html -d 'The HTML file to write' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand report" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand report" -l force -d 'Replace FILE even if it is not a report that shoutout wrote (the database is never replaced)'
complete -c shoutout -n "__fish_shoutout_using_subcommand report" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand report" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and not __fish_seen_subcommand_from add list help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and not __fish_seen_subcommand_from add list help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Add a channel: its spend is entered with `cost add --channel NAME`, its orders come from its own codes (`code add CODE --influencer NAME`) or utm_source, like a creator\'s'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'List the channels'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and __fish_seen_subcommand_from add" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and __fish_seen_subcommand_from add" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a channel: its spend is entered with `cost add --channel NAME`, its orders come from its own codes (`code add CODE --influencer NAME`) or utm_source, like a creator\'s'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the channels'
complete -c shoutout -n "__fish_shoutout_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and not __fish_seen_subcommand_from add list update delete help" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and not __fish_seen_subcommand_from add list update delete help" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and not __fish_seen_subcommand_from add list update delete help" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and not __fish_seen_subcommand_from add list update delete help" -f -a "add" -d 'Mark a sale, a market or a press mention: the lift model puts its orders down to the shop, not to a creator who posted then'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and not __fish_seen_subcommand_from add list update delete help" -f -a "list" -d 'Every event, the latest first'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and not __fish_seen_subcommand_from add list update delete help" -f -a "update" -d 'Change an event\'s days or name (the others stay)'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and not __fish_seen_subcommand_from add list update delete help" -f -a "delete" -d 'Delete an event'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and not __fish_seen_subcommand_from add list update delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from add" -l date -d 'Its first day, YYYY-MM-DD' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from add" -l to -d 'Its last day, YYYY-MM-DD [default: the first]' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from add" -l name -d 'What it was ("Black Friday sale")' -r
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from add" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from add" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from list" -l csv -d 'Write CSV to FILE, or to standard output with -' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from list" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from list" -l force -d 'Replace FILE even if it is not a CSV that shoutout wrote'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from list" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from update" -l date -r
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from update" -l to -r
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from update" -l name -r
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from update" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from update" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from delete" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask for confirmation'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from delete" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "add" -d 'Mark a sale, a market or a press mention: the lift model puts its orders down to the shop, not to a creator who posted then'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every event, the latest first'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change an event\'s days or name (the others stay)'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an event'
complete -c shoutout -n "__fish_shoutout_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand completions" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand completions" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand completions" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand man" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand man" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand man" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand demo" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand demo" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand demo" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand backup" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand backup" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand backup" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand restore" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand restore" -l yes -d 'Do not ask for confirmation'
complete -c shoutout -n "__fish_shoutout_using_subcommand restore" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand restore" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand paths" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand paths" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand paths" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand doctor" -l db -d 'The database file [default: shoutout.db in the platform data directory]' -r -F
complete -c shoutout -n "__fish_shoutout_using_subcommand doctor" -l rebuild -d 'Compute the derived facts again from every order'
complete -c shoutout -n "__fish_shoutout_using_subcommand doctor" -l demo -d 'Use a fresh copy of the built-in demo shop (demo.db in the data directory; your own database is not touched)'
complete -c shoutout -n "__fish_shoutout_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "influencer" -d 'Add, list or archive influencers'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "code" -d 'Give promo codes to influencers'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "cost" -d 'Record what creators cost: fees, product, shipping, bonuses'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "post" -d 'Log posts and their engagement'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "campaign" -d 'Group costs, codes and posts into campaigns'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "link" -d 'Build and save UTM tracking links'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "import" -d 'Import a shop\'s order export (preview with --dry-run; undo with --undo-last)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "scorecard" -d 'The ranked scorecard, as a table or CSV'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "lift" -d 'What each creator really caused: orders over the baseline around her posts, with her code or without it, less a leaked code\'s uses (see docs/lift.md)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "settings" -d 'The shop\'s cost of goods, payment fees and refund hold (profit and payouts use them)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "payout" -d 'Commission payouts: record one, or see what each creator is owed'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "gift" -d 'The gift ledger: who got what, who posted, whom to follow up'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "product" -d 'What one unit of each product costs you (goods cost per order comes from them)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "plan" -d 'What a deal must bring to break even, what to expect, and the most worth paying'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "report" -d 'A report to share: one self-contained HTML file with the charts, the scorecard and the definitions; with --influencer, her own page only'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "channel" -d 'The shop\'s other channels (Meta ads, a newsletter) to compare creators with'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "event" -d 'Sales, markets and press mentions: days the lift model puts down to the shop'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, elvish, powershell) to standard output'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "man" -d 'Print the man page (roff) to standard output'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "demo" -d 'Load the demo shop into the database (it must be empty)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "backup" -d 'Write a consistent copy of the database to FILE (safe while the app is running)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "restore" -d 'Replace the database with a backup (the current one is backed up first)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "paths" -d 'Show where the data lives'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "doctor" -d 'Check the database: its integrity, and that the facts derived from the orders (first orders, day sums) match the orders; --rebuild computes those again from every order'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and not __fish_seen_subcommand_from influencer code cost post campaign link import scorecard lift settings payout gift product plan report channel event completions man demo backup restore paths doctor help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from influencer" -f -a "add" -d 'Add an influencer'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from influencer" -f -a "list" -d 'List influencers with their codes'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from influencer" -f -a "archive" -d 'Archive an influencer (history kept; `--undo` restores)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from code" -f -a "add" -d 'Give a promo code to an influencer (codes match case-insensitively)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from code" -f -a "update" -d 'Move a promo code into a campaign (or out of one), or to another influencer'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from code" -f -a "list" -d 'List promo codes and their owners'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from code" -f -a "delete" -d 'Delete a promo code (orders that used it stop counting for its owner)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "add" -d 'Record a cost (of a creator, or with --channel of a channel such as Meta ads)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "list" -d 'List cost entries, newest first (with their ids)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "delete" -d 'Delete a cost entry by its id (see `cost list`)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from post" -f -a "add" -d 'Log a post'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from post" -f -a "update" -d 'Change a post by its id (see `post list`): only the fields given change'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from post" -f -a "list" -d 'List posts, newest first, with their ids and every field'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from post" -f -a "delete" -d 'Delete a post by its id (see `post list`)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "add" -d 'Create a campaign'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "target" -d 'Set a campaign\'s budget and targets (those given; the others stay)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "show" -d 'A campaign\'s progress toward its targets and budget, and whether it is on track'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "list" -d 'List campaigns'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from link" -f -a "add" -d 'Build a UTM link for an influencer, save it and print it'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from link" -f -a "list" -d 'List saved links (with their ids)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from link" -f -a "delete" -d 'Delete a saved link by its id (see `link list`)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "set" -d 'Set one: cogs-pct P, payment-fee-pct F, payment-fee-fixed X, refund-hold-days N'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "unset" -d 'Forget one (profit figures go empty once neither a cost of goods nor a fee is set)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "list" -d 'Show them all'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from payout" -f -a "add" -d 'Record a commission payout (it settles commission already in her cost)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from payout" -f -a "list" -d 'Commission earned, held (inside the refund hold), paid and owed, per creator'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from gift" -f -a "add" -d 'Record a gift: its cost becomes a product cost, its shipping a shipping cost'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from gift" -f -a "decline" -d 'Mark her gift of that day declined'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from gift" -f -a "delete" -d 'Delete a gift by its id (see `gift list`), with the cost entries it made'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from gift" -f -a "undecline" -d 'A gift marked declined by mistake: waiting for her post again'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from gift" -f -a "update" -d 'Correct a gift by its id (see `gift list`): only what is given changes, and its cost entries follow'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from gift" -f -a "list" -d 'The ledger: each gift\'s status (posted, declined, follow_up, waiting)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from product" -f -a "cost" -d 'Unit costs per SKU: import, set, list or delete them'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "add" -d 'Add a channel: its spend is entered with `cost add --channel NAME`, its orders come from its own codes (`code add CODE --influencer NAME`) or utm_source, like a creator\'s'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "list" -d 'List the channels'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from event" -f -a "add" -d 'Mark a sale, a market or a press mention: the lift model puts its orders down to the shop, not to a creator who posted then'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from event" -f -a "list" -d 'Every event, the latest first'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from event" -f -a "update" -d 'Change an event\'s days or name (the others stay)'
complete -c shoutout -n "__fish_shoutout_using_subcommand help; and __fish_seen_subcommand_from event" -f -a "delete" -d 'Delete an event'
