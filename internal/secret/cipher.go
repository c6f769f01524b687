package secret

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strings"
)

// Field names a kind of personal data. It is bound into every ciphertext
// (as GCM additional data) and blind index, so a phone ciphertext copied
// into the ID-number column fails to decrypt instead of showing the wrong
// value.
type Field string

const (
	FieldIDNumber Field = "id_number"
	FieldPhone    Field = "phone"
	FieldEmail    Field = "email"
	FieldAddress  Field = "address"
)

// prefix marks the ciphertext format: "g1.{key id}.{base64url(nonce|sealed)}".
const prefix = "g1."

// ErrTampered is returned for a ciphertext that fails authentication: it
// was altered, truncated, or moved to another field.
var ErrTampered = errors.New("secret: ciphertext failed authentication")

// Seal encrypts plaintext for field with the primary key. The empty string
// stays empty, so optional fields left blank stay blank.
func (kr *Keyring) Seal(f Field, plaintext string) (string, error) {
	if plaintext == "" {
		return "", nil
	}
	k := kr.Primary()
	nonce := make([]byte, k.aead.NonceSize(), k.aead.NonceSize()+len(plaintext)+k.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	sealed := k.aead.Seal(nonce, nonce, []byte(plaintext), aad(f))
	return prefix + k.ID + "." + base64.RawURLEncoding.EncodeToString(sealed), nil
}

// Open decrypts a ciphertext made by Seal for the same field, with
// whichever key of the ring it names.
func (kr *Keyring) Open(f Field, ciphertext string) (string, error) {
	if ciphertext == "" {
		return "", nil
	}
	id, body, ok := split(ciphertext)
	if !ok {
		return "", ErrTampered
	}
	k := kr.byID[id]
	if k == nil {
		return "", ErrNoKey
	}
	raw, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil || len(raw) < k.aead.NonceSize()+k.aead.Overhead() {
		return "", ErrTampered
	}
	n := k.aead.NonceSize()
	plain, err := k.aead.Open(nil, raw[:n], raw[n:], aad(f))
	if err != nil {
		return "", ErrTampered
	}
	return string(plain), nil
}

// KeyID names the key a ciphertext was sealed with ("" for an empty value).
func KeyID(ciphertext string) string {
	id, _, _ := split(ciphertext)
	return id
}

// NeedsRotation reports whether a stored value was sealed with a key other
// than the primary one.
func (kr *Keyring) NeedsRotation(ciphertext string) bool {
	return ciphertext != "" && KeyID(ciphertext) != kr.Primary().ID
}

func split(c string) (id, body string, ok bool) {
	rest, ok := strings.CutPrefix(c, prefix)
	if !ok {
		return "", "", false
	}
	return strings.Cut(rest, ".")
}

func aad(f Field) []byte { return []byte("gongkai/" + string(f)) }
