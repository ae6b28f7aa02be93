package auth

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bouclier/bouclier/internal/store"
)

// keyring derives, from the server's secret key, an AES-256-GCM key that
// seals the secrets that must be read back (TOTP secrets, WebAuthn
// records) and an HMAC key for the codes that need only be recognised
// (recovery and activation codes, the "ce n'était pas moi" links).
// The key lives outside the database, so a stolen dump or backup does
// not give the secrets away.
type keyring struct {
	aead cipher.AEAD
	mac  []byte
}

func derive(master []byte, label string) []byte {
	m := hmac.New(sha256.New, master)
	m.Write([]byte(label))
	return m.Sum(nil)
}

func newKeyring(master []byte) (*keyring, error) {
	if len(master) < 32 {
		return nil, errors.New("secret key: 32 bytes at least")
	}
	block, err := aes.NewCipher(derive(master, "bouclier seal v1"))
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	return &keyring{aead: aead, mac: derive(master, "bouclier mac v1")}, nil
}

const sealV1 = store.SealedPrefix + "v1:"

// Seal encrypts plain; the result starts with store.SealedPrefix.
func (k *keyring) Seal(plain []byte) (string, error) {
	nonce := make([]byte, k.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("seal: %w", err)
	}
	return sealV1 + base64.RawStdEncoding.EncodeToString(k.aead.Seal(nonce, nonce, plain, []byte(sealV1))), nil
}

// Open decrypts what Seal returned.
func (k *keyring) Open(sealed string) ([]byte, error) {
	rest, ok := strings.CutPrefix(sealed, sealV1)
	if !ok {
		return nil, errors.New("open: unknown sealing")
	}
	b, err := base64.RawStdEncoding.DecodeString(rest)
	if err != nil || len(b) < k.aead.NonceSize() {
		return nil, errors.New("open: malformed sealed value")
	}
	plain, err := k.aead.Open(nil, b[:k.aead.NonceSize()], b[k.aead.NonceSize():], []byte(sealV1))
	if err != nil {
		return nil, errors.New("open: wrong key or altered value")
	}
	return plain, nil
}

// sum returns the keyed hash of parts, each length-prefixed.
func (k *keyring) sum(parts ...string) []byte {
	m := hmac.New(sha256.New, k.mac)
	for _, p := range parts {
		fmt.Fprintf(m, "%d:%s;", len(p), p)
	}
	return m.Sum(nil)
}

// LoadKey returns the server's secret key: the BOUCLIER_SECRET_KEY value
// when env is set (64 hex digits, or base64 of 32 bytes or more); else the
// file secret.key in dataDir, created with a random key on first start.
// With neither it returns nil, and New draws a key that lives as long as
// the process (tests only: sealed secrets would not survive a restart).
//
// Several server processes sharing a PostgreSQL database must share the
// key: set BOUCLIER_SECRET_KEY, or share the data directory.
func LoadKey(env, dataDir string) ([]byte, error) {
	if env = strings.TrimSpace(env); env != "" {
		if b, err := hex.DecodeString(env); err == nil && len(b) >= 32 {
			return b, nil
		}
		if b, err := base64.StdEncoding.DecodeString(env); err == nil && len(b) >= 32 {
			return b, nil
		}
		return nil, errors.New("BOUCLIER_SECRET_KEY: want 64 hex digits or the base64 of 32 bytes")
	}
	if dataDir == "" {
		return nil, nil
	}
	path := filepath.Join(dataDir, "secret.key")
	if b, err := os.ReadFile(path); err == nil {
		k, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(k) < 32 {
			return nil, fmt.Errorf("%s: not a key", path)
		}
		return k, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return LoadKey("", dataDir) // another process made it first
	}
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	if _, err := f.WriteString(hex.EncodeToString(k) + "\n"); err != nil {
		f.Close()
		return nil, fmt.Errorf("secret key: %w", err)
	}
	return k, f.Close()
}
