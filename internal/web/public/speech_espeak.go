package public

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// espeak makes read-aloud audio for browsers without a Chinese voice
// (website-rules §3.2: 语音阅读 must work for everyone, not only on machines
// that ship one). The audio of a document's paragraph is made once and kept
// under the data directory, so a paragraph read by many visitors costs one
// synthesis; other text, which anyone can send, is made afresh and not
// kept, so no one can fill the disk with it.
type espeak struct {
	path string        // the espeak-ng binary; "" when it is not installed
	dir  string        // cache directory
	sem  chan struct{} // bounds concurrent syntheses on a 2-core server
}

// Synthesis settings: Mandarin, a little slower than espeak's default
// (175 words a minute), which suits elderly listeners; the browser's
// playbackRate applies the visitor's chosen speed on top.
const (
	espeakVoice   = "cmn"
	espeakSpeed   = "150"
	espeakTimeout = 30 * time.Second
	espeakWait    = 15 * time.Second // longest wait for a free synthesis slot
)

// errSpeechBusy is returned when every synthesis slot stays taken.
var errSpeechBusy = errors.New("speech: busy")

func newEspeak(path, dataDir string) *espeak {
	return &espeak{path: path, dir: filepath.Join(dataDir, "speech"), sem: make(chan struct{}, 2)}
}

// available reports whether the server can speak.
func (e *espeak) available() bool { return e.path != "" }

// wav returns a WAV file speaking text and a function to call once it has
// been sent. With keep the file is cached under the text's hash; without,
// it is a cached file when there is one, else a temporary file that done
// removes.
func (e *espeak) wav(ctx context.Context, text string, keep bool) (path string, done func(), err error) {
	sum := sha256.Sum256([]byte(espeakVoice + "\x00" + espeakSpeed + "\x00" + text))
	name := hex.EncodeToString(sum[:])
	path = filepath.Join(e.dir, name[:2], name+".wav")
	noop := func() {}
	if fi, err := os.Stat(path); err == nil && fi.Size() > 44 {
		return path, noop, nil
	}
	wctx, cancel := context.WithTimeout(ctx, espeakWait)
	defer cancel()
	select {
	case e.sem <- struct{}{}:
		defer func() { <-e.sem }()
	case <-wctx.Done():
		return "", nil, errSpeechBusy
	}
	dir := filepath.Join(e.dir, "tmp")
	if keep {
		dir = filepath.Dir(path)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", nil, err
	}
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	tmp := filepath.Join(dir, name+"."+hex.EncodeToString(rnd[:])+".tmp")
	remove := func() { _ = os.Remove(tmp) }
	sctx, scancel := context.WithTimeout(ctx, espeakTimeout)
	defer scancel()
	// The text goes in on stdin (-b 1: UTF-8), never as an argument, so it
	// cannot be read as an option; without -m, markup in it is spokenUtterance as
	// text, not obeyed.
	cmd := exec.CommandContext(sctx, e.path, "-v", espeakVoice, "-s", espeakSpeed, "-b", "1", "--stdin", "-w", tmp)
	cmd.Stdin = strings.NewReader(text)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		remove()
		return "", nil, fmt.Errorf("espeak-ng: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	if !keep {
		return tmp, remove, nil
	}
	if err := os.Rename(tmp, path); err != nil {
		remove()
		return "", nil, err
	}
	return path, noop, nil
}
