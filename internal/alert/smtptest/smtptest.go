// Package smtptest runs a real SMTP server process for tests: aiosmtpd
// (Debian's python3-aiosmtpd) writing what it receives to a Maildir.
package smtptest

import (
	"bufio"
	"net"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// Server is a running SMTP server.
type Server struct {
	Addr string
	dir  string
}

// Message is one message received.
type Message struct {
	To      string
	Subject string
	Body    string      // as transferred (quoted-printable for Bouclier's mail)
	Header  mail.Header // every header, for checks such as List-Unsubscribe
}

// command finds aiosmtpd: its own script or the module of Debian's Python.
func command() []string {
	if p, err := exec.LookPath("aiosmtpd"); err == nil {
		return []string{p}
	}
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if err := exec.Command(py, "-c", "import aiosmtpd").Run(); err == nil {
			return []string{py, "-m", "aiosmtpd"}
		}
	}
	return nil
}

// Start starts a server on a free loopback port, stopped when the test
// ends. Without aiosmtpd the test is skipped, except under CI where it
// fails: scripts/test installs it.
func Start(t testing.TB) *Server {
	t.Helper()
	cmdline := command()
	if cmdline == nil {
		if os.Getenv("CI") != "" {
			t.Fatal("aiosmtpd not installed (Debian package python3-aiosmtpd)")
		}
		t.Skip("aiosmtpd not installed (Debian package python3-aiosmtpd)")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	dir := filepath.Join(t.TempDir(), "maildir")
	args := append(cmdline[1:], "-n", "-l", addr, "-c", "aiosmtpd.handlers.Mailbox", dir)
	cmd := exec.Command(cmdline[0], args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start aiosmtpd: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	// Ready when it greets: poll the port until then.
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			_ = c.SetDeadline(time.Now().Add(5 * time.Second))
			line, rerr := bufio.NewReader(c).ReadString('\n')
			c.Close()
			if rerr == nil && strings.HasPrefix(line, "220") {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("aiosmtpd did not start on %s", addr)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return &Server{Addr: addr, dir: dir}
}

// Messages returns what the server received, sorted by recipient. The
// Mailbox handler writes each message before it answers 250, so whatever
// a client got accepted is already here.
func (s *Server) Messages(t testing.TB) []Message {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(s.dir, "new", "*"))
	var out []Message
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := mail.ReadMessage(fh)
		if err != nil {
			fh.Close()
			t.Fatalf("%s: %v", f, err)
		}
		var b strings.Builder
		_, _ = bufio.NewReader(m.Body).WriteTo(&b)
		fh.Close()
		subj, err := new(mailDecoder).decode(m.Header.Get("Subject"))
		if err != nil {
			subj = m.Header.Get("Subject")
		}
		to := strings.Trim(m.Header.Get("To"), "<> ")
		out = append(out, Message{To: to, Subject: subj, Body: b.String(), Header: m.Header})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].To < out[j].To })
	return out
}
