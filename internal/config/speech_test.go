package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpeechSettings(t *testing.T) {
	// A fake espeak-ng on a private PATH: found at start, by name.
	dir := t.TempDir()
	bin := filepath.Join(dir, "espeak-ng")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	t.Setenv("GONGKAI_ESPEAK", "")
	t.Setenv("GONGKAI_SPEECH_URL", "http://127.0.0.1:9000")
	t.Setenv("GONGKAI_SPEECH_KEY", "k")
	t.Setenv("GONGKAI_SPEECH_MODEL", "")
	t.Setenv("GONGKAI_AUDIO_LOG", "")
	c := Default()
	s := c.Speech
	if s.EspeakPath != bin || s.URL != "http://127.0.0.1:9000" || s.Key != "k" || s.Model != "whisper-1" || s.AudioLog {
		t.Fatalf("speech settings from the environment: %+v", s)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}

	// Not installed: read-aloud from the server is off, not an error.
	t.Setenv("GONGKAI_ESPEAK", filepath.Join(dir, "missing"))
	t.Setenv("GONGKAI_AUDIO_LOG", "true")
	c = Default()
	if c.Speech.EspeakPath != "" || !c.Speech.AudioLog {
		t.Fatalf("speech settings: %+v", c.Speech)
	}

	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.BindServe(fs)
	if err := fs.Parse([]string{"--speech-url", "ftp://asr.example", "--audio-log=false"}); err != nil {
		t.Fatal(err)
	}
	if c.Speech.AudioLog {
		t.Fatal("--audio-log=false not applied")
	}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "--speech-url") {
		t.Fatalf("an ftp speech URL: %v", err)
	}
}
