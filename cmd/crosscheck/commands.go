package main

// allCommands lists every subcommand. Each lives in its own file.
func allCommands() []command {
	return []command{
		&analyzeCmd{},
		&ingestCmd{},
		&articlesCmd{},
		&storiesCmd{},
		&reportCmd{},
		&annotateCmd{},
		&stanceCmd{},
		&clusterCmd{},
		&serveCmd{},
		&benchCmd{},
		&versionCmd{},
	}
}
