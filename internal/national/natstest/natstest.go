// Package natstest runs a NATS JetStream cluster in process on loopback,
// for the national shield's tests and the drill across deployments: real
// nats-server nodes with routes between them, file storage and users
// limited to their subjects.
package natstest

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// User is a NATS user and what it may publish and subscribe to.
type User struct {
	Name, Password     string
	Publish, Subscribe []string // nil: everything
}

// DeploymentUser is a deployment's user: it publishes on its own
// subjects only, and uses its own durable consumer of the signals stream.
func DeploymentUser(deployment, password string, nodes ...string) User {
	u := User{Name: deployment, Password: password, Subscribe: []string{"_INBOX.>"},
		Publish: []string{"bouclier." + deployment + ".>", "$JS.API.INFO", "$JS.API.STREAM.INFO.BOUCLIER"}}
	for _, n := range nodes {
		c := deployment + "-" + n
		u.Publish = append(u.Publish, "$JS.API.CONSUMER.CREATE.BOUCLIER."+c, "$JS.API.CONSUMER.CREATE.BOUCLIER."+c+".>",
			"$JS.API.CONSUMER.DURABLE.CREATE.BOUCLIER."+c, "$JS.API.CONSUMER.INFO.BOUCLIER."+c,
			"$JS.API.CONSUMER.MSG.NEXT.BOUCLIER."+c, "$JS.ACK.BOUCLIER."+c+".>")
	}
	return u
}

// Cluster is a running cluster.
type Cluster struct {
	opts    []*server.Options
	Servers []*server.Server
	URLs    []string
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// errNotReady is a node that did not start listening: most often a port
// that freePort found free and another process took before the node
// bound it.
var errNotReady = errors.New("nats node not ready")

// Start starts n nodes storing under dir, with users. A cluster whose
// node could not listen is started again on other ports (three tries).
func Start(dir string, n int, users []User) (*Cluster, error) {
	var err error
	for try := range 3 {
		var c *Cluster
		if c, err = start(filepath.Join(dir, fmt.Sprintf("try%d", try)), n, users); !errors.Is(err, errNotReady) {
			return c, err
		}
	}
	return nil, err
}

func start(dir string, n int, users []User) (*Cluster, error) {
	c := &Cluster{}
	var routes []*url.URL
	clientPorts := make([]int, n)
	clusterPorts := make([]int, n)
	for i := range n {
		var err error
		if clientPorts[i], err = freePort(); err != nil {
			return nil, err
		}
		if clusterPorts[i], err = freePort(); err != nil {
			return nil, err
		}
		routes = append(routes, &url.URL{Scheme: "nats", Host: fmt.Sprintf("127.0.0.1:%d", clusterPorts[i])})
	}
	var us []*server.User
	for _, u := range users {
		su := &server.User{Username: u.Name, Password: u.Password}
		if u.Publish != nil || u.Subscribe != nil {
			su.Permissions = &server.Permissions{Publish: &server.SubjectPermission{Allow: u.Publish}, Subscribe: &server.SubjectPermission{Allow: u.Subscribe}}
		}
		us = append(us, su)
	}
	for i := range n {
		store := filepath.Join(dir, fmt.Sprintf("n%d", i))
		if err := os.MkdirAll(store, 0o700); err != nil {
			return nil, err
		}
		o := &server.Options{ServerName: fmt.Sprintf("n%d", i), Host: "127.0.0.1", Port: clientPorts[i], NoLog: true, NoSigs: true,
			JetStream: true, StoreDir: store, Users: us, MaxPayload: 1 << 20,
			Cluster: server.ClusterOpts{Name: "bouclier", Host: "127.0.0.1", Port: clusterPorts[i], NoAdvertise: true}, Routes: routes}
		c.opts = append(c.opts, o)
		c.URLs = append(c.URLs, fmt.Sprintf("nats://127.0.0.1:%d", clientPorts[i]))
	}
	c.Servers = make([]*server.Server, n)
	for i := range n {
		if err := c.start(i); err != nil {
			c.Close()
			return nil, err
		}
	}
	return c, nil
}

func (c *Cluster) start(i int) error {
	s, err := server.NewServer(c.opts[i])
	if err != nil {
		return fmt.Errorf("nats node %d: %w", i, err)
	}
	go s.Start()
	if !s.ReadyForConnections(20 * time.Second) {
		s.Shutdown()
		return fmt.Errorf("nats node %d: %w", i, errNotReady)
	}
	c.Servers[i] = s
	return nil
}

// Kill stops node i at once, as a crash would (its storage stays).
func (c *Cluster) Kill(i int) {
	if s := c.Servers[i]; s != nil {
		s.Shutdown()
		s.WaitForShutdown()
		c.Servers[i] = nil
	}
}

// Restart starts node i again on its storage.
func (c *Cluster) Restart(i int) error { return c.start(i) }

// Close stops every node.
func (c *Cluster) Close() {
	for i := range c.Servers {
		c.Kill(i)
	}
}
