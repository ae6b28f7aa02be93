package national

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File is a deployment's shield configuration (config "national"):
// secrets are in files beside it, never in the file itself.
//
//	{"deployment": "versailles", "urls": ["nats://n1:4222", …], "user": "versailles",
//	 "password_file": "nats.pw", "key_file": "deployment.key", "sketch_key_file": "sketch.key",
//	 "operator_key": "BASE64", "members": {"versailles": {"key": "BASE64", "academies": ["versailles"]}, …}}
//
// Key files hold base64: a 32-byte ed25519 seed, a 32-byte sketch key.
type File struct {
	Deployment    string                `json:"deployment"`
	Node          string                `json:"node"`
	URLs          []string              `json:"urls"`
	User          string                `json:"user"`
	PasswordFile  string                `json:"password_file"`
	KeyFile       string                `json:"key_file"`
	SketchKeyFile string                `json:"sketch_key_file"`
	OperatorKey   string                `json:"operator_key"`
	Members       map[string]FileMember `json:"members"`
	Quorum        int                   `json:"quorum"`
	Buffer        int                   `json:"buffer"`
}

// FileMember is a member in File.
type FileMember struct {
	Key       string   `json:"key"`
	Academies []string `json:"academies"`
}

// Load reads a File and the secrets it names (relative to its folder).
func Load(path string) (Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("national: %w", err)
	}
	var f File
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Config{}, fmt.Errorf("national: %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	read := func(name, what string) ([]byte, error) {
		if name == "" {
			return nil, fmt.Errorf("national: %s file missing", what)
		}
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, name)
		}
		raw, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("national: %s: %w", what, err)
		}
		return []byte(strings.TrimSpace(string(raw))), nil
	}
	c := Config{Deployment: f.Deployment, Node: f.Node, URLs: f.URLs, User: f.User, Quorum: f.Quorum, Buffer: f.Buffer, Members: map[string]Member{}}
	if f.PasswordFile != "" {
		pw, err := read(f.PasswordFile, "password")
		if err != nil {
			return Config{}, err
		}
		c.Password = string(pw)
	}
	seed, err := read(f.KeyFile, "deployment key")
	if err != nil {
		return Config{}, err
	}
	s, err := base64.StdEncoding.DecodeString(string(seed))
	if err != nil || len(s) != ed25519.SeedSize {
		return Config{}, errors.New("national: the deployment key file must hold a base64 32-byte ed25519 seed")
	}
	c.Key = ed25519.NewKeyFromSeed(s)
	sk, err := read(f.SketchKeyFile, "sketch key")
	if err != nil {
		return Config{}, err
	}
	if c.SketchKey, err = base64.StdEncoding.DecodeString(string(sk)); err != nil {
		return Config{}, errors.New("national: the sketch key file must hold base64")
	}
	pub := func(s, what string) (ed25519.PublicKey, error) {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(b) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("national: %s: want a base64 ed25519 public key", what)
		}
		return b, nil
	}
	if c.OperatorKey, err = pub(f.OperatorKey, "operator_key"); err != nil {
		return Config{}, err
	}
	for name, m := range f.Members {
		k, err := pub(m.Key, "member "+name)
		if err != nil {
			return Config{}, err
		}
		c.Members[name] = Member{Key: k, Academies: m.Academies}
	}
	return c, c.check()
}
