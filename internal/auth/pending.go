package auth

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
)

// pendingLabel derives the key that seals a login's first step between
// the password and the second factor (SealPending).
const pendingLabel = "bouclier login pending v1"

func newPendingAEAD(master []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(derive(master, pendingLabel))
	if err != nil {
		return nil, fmt.Errorf("pending key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("pending key: %w", err)
	}
	return aead, nil
}

// SealPending seals what a login form keeps between its two steps (the
// name and password already checked) with a key derived from the server's
// secret key, bound to binding (the browser's login cookie). Every
// process given the same secret key opens it, so the second step may land
// on another node or after a restart; nobody without the key reads it.
func (s *Service) SealPending(plain []byte, binding string) (string, error) {
	nonce := make([]byte, s.pending.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("seal pending login: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(s.pending.Seal(nonce, nonce, plain, []byte(pendingLabel+"\x00"+binding))), nil
}

// OpenPending opens what SealPending returned for the same binding.
func (s *Service) OpenPending(sealed, binding string) ([]byte, error) {
	raw, err := base64.RawURLEncoding.DecodeString(sealed)
	n := s.pending.NonceSize()
	if err != nil || len(raw) < n {
		return nil, errors.New("open pending login: malformed")
	}
	plain, err := s.pending.Open(nil, raw[:n], raw[n:], []byte(pendingLabel+"\x00"+binding))
	if err != nil {
		return nil, errors.New("open pending login: wrong key, binding or altered value")
	}
	return plain, nil
}
