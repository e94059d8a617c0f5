package sa4020

type reader interface{ Read([]byte) (int, error) }

type readCloser interface {
	reader
	Close() error
}

func f(v any) {
	switch v.(type) {
	case reader:
	case readCloser: // want `unreachable case clause`
	}
}
