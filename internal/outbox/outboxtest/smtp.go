// Package outboxtest is a minimal SMTP server on loopback for tests of
// outgoing mail: it speaks just enough of the protocol (EHLO, STARTTLS,
// AUTH PLAIN, MAIL, RCPT, DATA, QUIT) for net/smtp and records what
// arrives. Nothing leaves the machine.
package outboxtest

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"math/big"
	"mime"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// Message is one message the server accepted.
type Message struct {
	From, To string
	Data     string
	TLS      bool   // the DATA came over STARTTLS
	Auth     string // decoded AUTH PLAIN: "\x00user\x00password"
}

// Server is the fake SMTP server.
type Server struct {
	Addr   string      // host:port to dial
	tls    *tls.Config // nil: STARTTLS not offered
	reject string      // RCPT TO this address gets 550

	mu   sync.Mutex
	msgs []Message
}

// Options choose what the server does.
type Options struct {
	STARTTLS bool   // offer STARTTLS with a self-signed certificate (see ClientTLS)
	Reject   string // refuse this recipient with 550
}

// New starts a server, stopped when the test ends.
func New(t testing.TB, o Options) *Server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &Server{Addr: l.Addr().String(), reject: o.Reject}
	if o.STARTTLS {
		f.tls = &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}}
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go f.serve(c)
		}
	}()
	return f
}

// Messages returns what arrived so far.
func (f *Server) Messages() []Message {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Message(nil), f.msgs...)
}

func (f *Server) serve(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	r, w := bufio.NewReader(c), bufio.NewWriter(c)
	say := func(s string) { w.WriteString(s + "\r\n"); w.Flush() }
	var msg Message
	say("220 fake.example ESMTP")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch verb {
		case "EHLO", "HELO":
			if f.tls != nil && !msg.TLS {
				say("250-fake.example\r\n250-STARTTLS\r\n250 AUTH PLAIN")
			} else {
				say("250-fake.example\r\n250 AUTH PLAIN")
			}
		case "STARTTLS":
			say("220 go ahead")
			tc := tls.Server(c, f.tls)
			if tc.Handshake() != nil {
				return
			}
			c, msg.TLS = tc, true
			r, w = bufio.NewReader(tc), bufio.NewWriter(tc)
		case "AUTH":
			parts := strings.Fields(line)
			if len(parts) == 3 {
				b, _ := base64.StdEncoding.DecodeString(parts[2])
				msg.Auth = string(b)
			}
			say("235 ok")
		case "MAIL":
			msg.From = strings.TrimPrefix(line, "MAIL FROM:")
			say("250 ok")
		case "RCPT":
			msg.To = strings.TrimPrefix(line, "RCPT TO:")
			if f.reject != "" && strings.Contains(line, f.reject) {
				say("550 5.1.1 <" + f.reject + ">: Recipient address rejected")
				continue
			}
			say("250 ok")
		case "DATA":
			say("354 end with .")
			var data strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				data.WriteString(l)
			}
			msg.Data = data.String()
			f.mu.Lock()
			f.msgs = append(f.msgs, msg)
			f.mu.Unlock()
			say("250 queued")
		case "QUIT":
			say("221 bye")
			return
		default:
			say("250 ok")
		}
	}
}

// selfSigned makes a certificate for 127.0.0.1.
func selfSigned(t testing.TB) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "fake.example"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// ClientTLS returns a client TLS configuration that trusts the server's
// certificate.
func (f *Server) ClientTLS(t testing.TB) *tls.Config {
	t.Helper()
	cert, err := x509.ParseCertificate(f.tls.Certificates[0].Certificate[0])
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{RootCAs: pool}
}

// Decode returns the subject (RFC 2047) and the base64 body of a message.
func Decode(t testing.TB, data string) (subject, body string) {
	t.Helper()
	head, b64, ok := strings.Cut(data, "\r\n\r\n")
	if !ok {
		t.Fatalf("no header/body split in %q", data)
	}
	for _, l := range strings.Split(head, "\r\n") {
		if v, ok := strings.CutPrefix(l, "Subject: "); ok {
			var err error
			if subject, err = new(mime.WordDecoder).DecodeHeader(v); err != nil {
				t.Fatal(err)
			}
		}
	}
	raw, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(b64, "\r\n", ""))
	if err != nil {
		t.Fatal(err)
	}
	return subject, string(raw)
}
