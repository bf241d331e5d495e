package dburl

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/go-sql-driver/mysql"
)

// The MySQL driver sends any query parameter it does not know to the
// server as a session variable, so a parameter meant for pymysql or
// mysqlclient (an SQLAlchemy URL's) fails at connect time with a
// server error that does not say why. Parameters are therefore
// translated here, and the ones neither retort nor the driver know are
// refused by name.

// mysqlDriverParams are the Go driver's own parameters, passed on as
// they are.
var mysqlDriverParams = []string{
	"allowAllFiles", "allowCleartextPasswords", "allowFallbackToPlaintext",
	"allowNativePasswords", "allowOldPasswords", "charset", "checkConnLiveness",
	"collation", "clientFoundRows", "columnsWithAlias", "connectionAttributes",
	"interpolateParams", "loc", "maxAllowedPacket", "multiStatements",
	"parseTime", "readTimeout", "rejectReadOnly", "serverPubKey", "timeout",
	"timeTruncate", "tls", "writeTimeout",
}

// mysqlSeconds are pymysql's timeouts, in seconds, and the driver's
// parameter each becomes.
var mysqlSeconds = map[string]string{
	"connect_timeout": "timeout",
	"read_timeout":    "readTimeout",
	"write_timeout":   "writeTimeout",
}

// mysqlPythonOnly change only what Python does with the connection (how
// it decodes strings, which SQLAlchemy plugins load): nothing to do here.
var mysqlPythonOnly = []string{"use_unicode", "binary_prefix", "plugin"}

// mysqlParams translates the query of a MySQL URL, in the Go driver's
// spelling or pymysql's, into the Go driver's parameters. host is the
// server's name, for a TLS configuration.
func mysqlParams(q url.Values, host string) (url.Values, error) {
	out := url.Values{}
	ssl := map[string]string{}
	for _, k := range slices.Sorted(maps.Keys(q)) {
		v := q.Get(k)
		switch {
		case slices.Contains(mysqlDriverParams, k):
			out.Set(k, v)
		case mysqlSeconds[k] != "":
			secs, err := strconv.ParseFloat(v, 64)
			if err != nil || secs < 0 {
				return nil, fmt.Errorf("dburl: %s=%q: want a number of seconds", k, v)
			}
			out.Set(mysqlSeconds[k], strconv.FormatFloat(secs, 'f', -1, 64)+"s")
		case k == "unix_socket" || k == "socket":
			// The address, in mysqlDSN.
		case slices.Contains(mysqlPythonOnly, k):
		case strings.HasPrefix(k, "ssl"):
			ssl[k] = v
		case k == "read_default_file" || k == "read_default_group":
			return nil, fmt.Errorf("dburl: %s: retort does not read MySQL option files; write the user, password and host in the url", k)
		default:
			return nil, fmt.Errorf("dburl: unknown parameter %q in the MySQL url (known: the Go driver's, such as timeout and tls, and pymysql's connect_timeout, read_timeout, write_timeout, charset, unix_socket, ssl_ca, ssl_cert, ssl_key, ssl_verify_cert, ssl_check_hostname, ssl_disabled)", k)
		}
	}
	if len(ssl) > 0 {
		if _, set := out["tls"]; set {
			return nil, errors.New("dburl: both tls and ssl_* parameters in the MySQL url; keep one")
		}
		name, err := mysqlTLS(ssl, host)
		if err != nil {
			return nil, err
		}
		out.Set("tls", name)
	}
	if out.Get("parseTime") == "" {
		out.Set("parseTime", "true")
	}
	return out, nil
}

// mysqlTLS turns pymysql's ssl_* parameters into the driver's tls value:
// "false", or the name of a configuration it registers.
func mysqlTLS(ssl map[string]string, host string) (string, error) {
	flag := func(k string, def bool) (bool, error) {
		v, ok := ssl[k]
		if !ok {
			return def, nil
		}
		b, err := strconv.ParseBool(v)
		if err != nil {
			return false, fmt.Errorf("dburl: %s=%q: want true or false", k, v)
		}
		return b, nil
	}
	var known = []string{"ssl_ca", "ssl_cert", "ssl_key", "ssl_verify_cert", "ssl_check_hostname", "ssl_disabled"}
	for k := range ssl {
		if !slices.Contains(known, k) {
			return "", fmt.Errorf("dburl: unknown parameter %q in the MySQL url (known: %s)", k, strings.Join(known, ", "))
		}
	}
	disabled, err := flag("ssl_disabled", false)
	if err != nil {
		return "", err
	}
	if disabled {
		return "false", nil
	}
	verify, err := flag("ssl_verify_cert", ssl["ssl_ca"] != "")
	if err != nil {
		return "", err
	}
	checkHost, err := flag("ssl_check_hostname", verify)
	if err != nil {
		return "", err
	}
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if ca := ssl["ssl_ca"]; ca != "" {
		pem, err := os.ReadFile(ca)
		if err != nil {
			return "", fmt.Errorf("dburl: ssl_ca: %v", err)
		}
		cfg.RootCAs = x509.NewCertPool()
		if !cfg.RootCAs.AppendCertsFromPEM(pem) {
			return "", fmt.Errorf("dburl: ssl_ca: no PEM certificate in %s", ca)
		}
	}
	if cert, key := ssl["ssl_cert"], ssl["ssl_key"]; cert != "" || key != "" {
		if cert == "" || key == "" {
			return "", errors.New("dburl: ssl_cert and ssl_key go together")
		}
		pair, err := tls.LoadX509KeyPair(cert, key)
		if err != nil {
			return "", fmt.Errorf("dburl: ssl_cert, ssl_key: %v", err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	switch {
	case !verify:
		cfg.InsecureSkipVerify = true
	case !checkHost:
		// The chain is checked against ssl_ca, the name is not.
		cfg.InsecureSkipVerify = true
		cfg.VerifyConnection = func(cs tls.ConnectionState) error {
			opts := x509.VerifyOptions{Roots: cfg.RootCAs, Intermediates: x509.NewCertPool()}
			for _, c := range cs.PeerCertificates[1:] {
				opts.Intermediates.AddCert(c)
			}
			_, err := cs.PeerCertificates[0].Verify(opts)
			return err
		}
	}
	// One name per configuration: the same url registers the same name.
	h := sha256.New()
	for _, k := range known {
		fmt.Fprintf(h, "%s=%s\n", k, ssl[k])
	}
	fmt.Fprintf(h, "host=%s\n", host)
	name := "retort-" + hex.EncodeToString(h.Sum(nil))[:16]
	if err := mysql.RegisterTLSConfig(name, cfg); err != nil {
		return "", fmt.Errorf("dburl: ssl: %v", err)
	}
	return name, nil
}

// postgresUnsupported are libpq's (psycopg2's) client parameters that
// pgx does not know: it would send them to the server as settings, which
// fails with "unrecognized configuration parameter". pgx keeps TCP
// keepalives on by itself, so keepalives* may go; the rest are refused.
var postgresUnsupported = []string{
	"gssencmode", "requiressl", "sslcompression", "sslcrl", "sslcrldir",
	"ssl_min_protocol_version", "ssl_max_protocol_version", "requirepeer",
	"hostaddr", "load_balance_hosts", "gsslib", "tcp_user_timeout",
}

// checkPostgresParams refuses the parameters of a PostgreSQL URL that
// pgx would misread, by name, and drops keepalives*.
func checkPostgresParams(q url.Values) error {
	for k := range q {
		if slices.Contains(postgresUnsupported, k) {
			return fmt.Errorf("dburl: parameter %q of the PostgreSQL url is not supported by retort's driver (pgx); remove it", k)
		}
	}
	return nil
}
