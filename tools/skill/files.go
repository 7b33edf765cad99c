package skill

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Names of the files Write creates in its folder.
const (
	ManifestFile = "skill-package/skill.json"
	ReadmeFile   = "README.md"
	// linkingFile is the account-linking request of a skill whose
	// languages are all in one region; with several regions there is one
	// file per region, named by linkingFileOf.
	linkingFile = "account-linking.json"
)

// description is every language's store description: the skill is never
// published, so one English sentence serves.
const description = "Your own Smart Home skill: LEE relays Alexa's directives to your Home Assistant."

// File is one file of the skill folder: its path relative to the folder,
// and its content.
type File struct {
	Name string
	Data []byte
}

// Files returns the skill folder's files, in a fixed order: the manifest,
// the account-linking request(s), the README.
func (k *Skill) Files() ([]File, error) {
	manifest, err := encode(k.manifest())
	if err != nil {
		return nil, err
	}
	files := []File{{ManifestFile, manifest}}
	for _, l := range k.linkingFiles() {
		data, err := encode(newLinkingRequest(k.base, l.region))
		if err != nil {
			return nil, err
		}
		files = append(files, File{l.name, data})
	}
	return append(files, File{ReadmeFile, k.readme()}), nil
}

// Write writes the skill's files into dir, creating it, and removes the
// account-linking files of an earlier run that this skill no longer has.
// It returns the paths written.
func (k *Skill) Write(dir string) ([]string, error) {
	files, err := k.Files()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(ManifestFile)), 0o755); err != nil {
		return nil, fmt.Errorf("write skill: %w", err)
	}
	keep := map[string]bool{}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return nil, fmt.Errorf("write skill: %w", err)
		}
		keep[f.Name] = true
		paths = append(paths, p)
	}
	for _, name := range allLinkingFiles() {
		if keep[name] {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
			return nil, fmt.Errorf("write skill: remove stale %s: %w", name, err)
		}
	}
	return paths, nil
}

// linkingFileOf names the account-linking file of a region.
type linkingFileOf struct {
	name   string
	region Region
}

// linkingFiles pairs each region of the skill's languages with its file:
// Home Assistant accepts one client ID per Alexa region, and a skill has
// one account-linking configuration, so the owner uploads the file of the
// region of their Amazon account.
func (k *Skill) linkingFiles() []linkingFileOf {
	in := k.regionsInUse()
	if len(in) == 1 {
		return []linkingFileOf{{linkingFile, in[0]}}
	}
	out := make([]linkingFileOf, len(in))
	for i, r := range in {
		out[i] = linkingFileOf{regionalLinkingFile(r), r}
	}
	return out
}

func regionalLinkingFile(r Region) string { return "account-linking-" + r.Code + ".json" }

// allLinkingFiles are every name Write may have used for account linking.
func allLinkingFiles() []string {
	names := []string{linkingFile}
	for _, r := range regions {
		names = append(names, regionalLinkingFile(r))
	}
	return names
}

// encode is the files' JSON form: two-space indents and a final newline,
// stable across runs (map keys sorted).
func encode(v any) ([]byte, error) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode skill file: %w", err)
	}
	return append(data, '\n'), nil
}

// Manifest types: the subset of SMAPI's skill manifest a Smart Home skill
// relayed by LEE needs (v1.skill.Manifest.SkillManifestEnvelope in
// Amazon's ask-smapi-model).
type (
	manifestEnvelope struct {
		Manifest manifest `json:"manifest"`
	}
	manifest struct {
		ManifestVersion       string       `json:"manifestVersion"`
		PublishingInformation publishing   `json:"publishingInformation"`
		Apis                  apis         `json:"apis"`
		Permissions           []permission `json:"permissions,omitempty"`
	}
	publishing struct {
		Locales map[string]localeInfo `json:"locales"`
	}
	localeInfo struct {
		Name        string `json:"name"`
		Description string `json:"description"`
	}
	apis struct {
		SmartHome smartHome `json:"smartHome"`
	}
	smartHome struct {
		Endpoint        *endpoint                 `json:"endpoint,omitempty"`
		Regions         map[string]regionEndpoint `json:"regions,omitempty"`
		ProtocolVersion string                    `json:"protocolVersion"`
	}
	endpoint struct {
		URI string `json:"uri"`
	}
	regionEndpoint struct {
		Endpoint endpoint `json:"endpoint"`
	}
	permission struct {
		Name string `json:"name"`
	}
)

// eventsPermission is the Send Alexa Events permission.
const eventsPermission = "alexa::async_event:write"

func (k *Skill) manifest() manifestEnvelope {
	m := manifest{
		ManifestVersion:       "1.0",
		PublishingInformation: publishing{Locales: map[string]localeInfo{}},
		Apis:                  apis{SmartHome: smartHome{ProtocolVersion: "3"}},
	}
	for _, l := range k.locales {
		m.PublishingInformation.Locales[l.Code] = localeInfo{Name: k.name, Description: description}
	}
	if k.defaultARN != nil {
		m.Apis.SmartHome.Endpoint = &endpoint{URI: k.defaultARN.Raw}
	}
	if len(k.regional) > 0 {
		m.Apis.SmartHome.Regions = map[string]regionEndpoint{}
		for code, a := range k.regional {
			m.Apis.SmartHome.Regions[code] = regionEndpoint{Endpoint: endpoint{URI: a.Raw}}
		}
	}
	if k.events {
		m.Permissions = []permission{{Name: eventsPermission}}
	}
	return manifestEnvelope{Manifest: m}
}
