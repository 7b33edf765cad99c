package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/lee-engine/lee/tools/repocheck"
)

// repoRoot is the explicit root, which must be a folder, or the repository
// (the folder holding go.work) around the working folder.
func repoRoot(explicit string) (string, error) {
	if explicit != "" {
		info, err := os.Stat(explicit)
		if err != nil || !info.IsDir() {
			return "", fmt.Errorf("root %s is not a folder", explicit)
		}
		return filepath.Abs(explicit)
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return repocheck.FindRoot(wd)
}

// inRepository is the explicit path, or rel inside the repository around
// the working folder; flag names the flag that gives the path explicitly,
// for the error when there is no repository around.
func inRepository(explicit, flag string, rel ...string) (string, error) {
	if explicit != "" {
		return explicit, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	root, err := repocheck.FindRoot(wd)
	if err != nil {
		return "", fmt.Errorf("%w; give %s", err, flag)
	}
	return filepath.Join(append([]string{root}, rel...)...), nil
}
