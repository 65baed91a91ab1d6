// local placeholder so the package builds
