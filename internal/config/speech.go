package config

import (
	"errors"
	"flag"
	"net/url"
	"os"
	"os/exec"
	"strconv"
)

// Speech configures read-aloud and voice input on the portal (website-rules
// §3.2: 语音阅读).
type Speech struct {
	// EspeakPath is the espeak-ng binary that makes read-aloud audio for
	// browsers without a Chinese voice. It is found on PATH at start
	// (GONGKAI_ESPEAK overrides); "" means the server cannot speak and the
	// toolbar says so.
	EspeakPath string
	// URL is an OpenAI-compatible speech-recognition service (whisper.cpp
	// server, FunASR, vLLM…): its base address, to which
	// /v1/audio/transcriptions is added, or that full endpoint.
	// "" switches voice input off. GONGKAI_SPEECH_URL.
	URL   string
	Key   string // bearer token for URL, GONGKAI_SPEECH_KEY (environment only: not on the command line)
	Model string // model name sent with each recording, GONGKAI_SPEECH_MODEL
	// AudioLog keeps each recording under DataDir/speech-log. Off by
	// default: recordings are personal data and are otherwise never stored.
	// GONGKAI_AUDIO_LOG.
	AudioLog bool
}

func defaultSpeech() Speech {
	s := Speech{URL: os.Getenv("GONGKAI_SPEECH_URL"), Key: os.Getenv("GONGKAI_SPEECH_KEY"),
		Model: envOr("GONGKAI_SPEECH_MODEL", "whisper-1")}
	s.AudioLog, _ = strconv.ParseBool(os.Getenv("GONGKAI_AUDIO_LOG"))
	if p, err := exec.LookPath(envOr("GONGKAI_ESPEAK", "espeak-ng")); err == nil {
		s.EspeakPath = p
	}
	return s
}

func (s *Speech) bind(fs *flag.FlagSet) {
	fs.StringVar(&s.URL, "speech-url", s.URL, "语音识别服务地址（OpenAI 兼容接口），留空则不提供语音输入 / speech-recognition URL")
	fs.BoolVar(&s.AudioLog, "audio-log", s.AudioLog, "保存语音输入的录音（默认不保存）/ keep voice recordings")
}

func (s Speech) validate() error {
	if s.URL == "" {
		return nil
	}
	u, err := url.Parse(s.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("语音识别服务地址必须以 http:// 或 https:// 开头 (--speech-url)")
	}
	return nil
}
