package main

// allCommands lists every subcommand. Each lives in its own file.
func allCommands() []command {
	return []command{
		&versionCmd{},
		&annotateCmd{},
		&stanceCmd{},
		&clusterCmd{},
	}
}
