package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync/atomic"

	"github.com/lee-engine/lee/lambdaiface"
)

// Handler serves the events of one row of the dispatch table. It answers
// with the bytes Lambda returns to the caller, or with an error Lambda
// reports as a function error.
type Handler func(ctx context.Context, req *Request) ([]byte, error)

// Row is one row of the dispatch table: which events it serves, where they
// carry the user's token, and the typed handler that serves them.
//
// Kind is the event kind the row serves. Namespace, for a KindSmartHome
// row only, is the directive namespace with rules of its own that the row
// serves ("Alexa.Discovery"); "" makes the row the default relay of every
// other namespace. Token is where the row's events carry the user's bearer
// token; Token reads it from there. Name names the row in Stats and logs.
type Row struct {
	Name      string
	Kind      EventKind
	Namespace string
	Token     TokenSource
	Handle    Handler
}

// Table is the production dispatch: a dense table indexed by event kind,
// plus the Smart Home namespaces with rules of their own, each row mapping
// to its typed handler. Adding a namespace with special handling is one
// Row and one Handler. Looking a row up allocates nothing. Build it once
// with NewTable; a Table is safe for concurrent use.
type Table struct {
	byKind     [lambdaiface.NumKinds]*tableRow
	namespaces []*tableRow
}

// tableRow is a Row with its dispatch count, for Stats.
type tableRow struct {
	Row
	calls atomic.Uint64
}

// maxNamespaceRows bounds the namespace rows: they are searched one by one,
// which beats a map for the handful Alexa needs.
const maxNamespaceRows = 8

// Errors of NewTable.
var errBadTable = errors.New("gateway: bad dispatch table")

// NewTable builds the dispatch table from rows. It refuses a row without a
// handler or name, an unknown kind, a namespace on a row that is not
// KindSmartHome, and two rows for the same kind and namespace.
func NewTable(rows ...Row) (*Table, error) {
	t := &Table{}
	for _, r := range rows {
		switch {
		case r.Handle == nil || r.Name == "":
			return nil, fmt.Errorf("%w: row %q needs a name and a handler", errBadTable, r.Name)
		case r.Kind >= lambdaiface.NumKinds:
			return nil, fmt.Errorf("%w: row %q: unknown kind %d", errBadTable, r.Name, r.Kind)
		case r.Namespace != "" && r.Kind != KindSmartHome:
			return nil, fmt.Errorf("%w: row %q: only smart-home rows have a namespace", errBadTable, r.Name)
		}
		tr := &tableRow{Row: r}
		if r.Namespace == "" {
			if t.byKind[r.Kind] != nil {
				return nil, fmt.Errorf("%w: two rows for %v events", errBadTable, r.Kind)
			}
			t.byKind[r.Kind] = tr
			continue
		}
		for _, o := range t.namespaces {
			if o.Namespace == r.Namespace {
				return nil, fmt.Errorf("%w: two rows for namespace %s", errBadTable, r.Namespace)
			}
		}
		if len(t.namespaces) == maxNamespaceRows {
			return nil, fmt.Errorf("%w: more than %d namespace rows", errBadTable, maxNamespaceRows)
		}
		t.namespaces = append(t.namespaces, tr)
	}
	return t, nil
}

// route returns the row that serves in, or nil when none does.
func (t *Table) route(in *Input) *tableRow {
	if in.Kind == KindSmartHome && in.Directive != nil {
		for _, r := range t.namespaces {
			if r.Namespace == in.Directive.Header.Namespace {
				return r
			}
		}
	}
	return t.byKind[in.Kind]
}

// Request is one event as a row's handler receives it: decoded once, with
// the row that serves it.
type Request struct {
	// Input is the event: its kind, raw bytes and decoded members.
	*Input
	// Err says why the event cannot be served as it is, nil when it can:
	// an event the security rules refused, a directive that cannot be
	// relayed (a *DirectiveError), an unreadable custom skill request.
	// The handler answers what it can; a directive always has at least
	// its header here.
	Err error
	row *tableRow
}

// Row returns the name of the row serving the request.
func (r *Request) Row() string { return r.row.Name }

// String names the row and the event, never the event's bytes or tokens.
func (r Request) String() string {
	name := ""
	if r.row != nil {
		name = r.row.Name
	}
	in := "no event"
	if r.Input != nil {
		in = r.Input.String()
	}
	return "row " + name + ": " + in
}

// GoString keeps %#v from printing the event, which holds the token.
func (r Request) GoString() string { return r.String() }

// LogValue keeps log/slog from recording the event's bytes or tokens.
func (r Request) LogValue() slog.Value { return slog.StringValue(r.String()) }

// Invoke answers one event through t: it starts the invocation's state in
// the context, checks the event against the security rules, decodes it
// once, picks its row and runs the row's handler. An event that is not a
// JSON object, a directive without a readable header, an event refused by
// the security rules that is not a directive, and an event no row serves
// get a Lambda error, logged. A panic in a handler becomes a Lambda error
// too, so that the process keeps serving.
func (g *Gateway) Invoke(ctx context.Context, t *Table, payload []byte) (out []byte, err error) {
	ctx, inv := g.begin(ctx)
	defer g.end(ctx, inv)
	defer func() {
		if r := recover(); r != nil {
			g.LogError(ctx, "invocation panicked", slog.String("panic", fmt.Sprint(r)), slog.String("stack", string(debug.Stack())))
			out, err = nil, errors.New("lee: internal error while handling the event (see the function's log)")
		}
	}()
	req, err := g.read(payload)
	if err != nil {
		g.coldStart(ctx, inv)
		return nil, g.refuse(ctx, err)
	}
	switch {
	case req.Directive != nil:
		g.correlate(ctx, req.Directive.Header.MessageID)
	case req.Skill != nil:
		g.correlate(ctx, req.Skill.Request.RequestID)
	}
	g.coldStart(ctx, inv)
	req.row = t.route(req.Input)
	if req.row == nil {
		return nil, g.refuse(ctx, errors.New("lee: unrecognised event: expected an Alexa directive, an Alexa skill request, a function URL request or a scheduled warm-up event"))
	}
	req.row.calls.Add(1)
	return req.row.Handle(ctx, req)
}

// read checks and decodes the event. It returns a Request for every event
// a row can answer, with Err set when the event cannot be served as it is;
// an error when only a Lambda error can answer it. An event the security
// rules refuse (too large, too deep, not UTF-8) is not decoded: only what
// its INVALID_DIRECTIVE answer repeats is read (ReadDirectiveHead).
func (g *Gateway) read(payload []byte) (*Request, error) {
	checker, err := g.securityCore()
	if err != nil {
		return nil, err
	}
	if refused := checker.CheckEvent(payload); refused != nil {
		d := lambdaiface.ReadDirectiveHead(payload)
		if d == nil {
			return nil, fmt.Errorf("lee: event refused: %w", refused)
		}
		in := &Input{Kind: KindSmartHome, Raw: payload, Directive: d}
		return &Request{Input: in, Err: fmt.Errorf("the directive was refused: %w", refused)}, nil
	}
	in, err := lambdaiface.Decode(payload)
	switch {
	case in == nil:
		return nil, fmt.Errorf("lee: %w", err)
	case in.Kind == KindSmartHome && in.Directive == nil:
		return nil, fmt.Errorf("lee: directive refused: %w", err)
	}
	return &Request{Input: in, Err: err}, nil
}

// refuse logs an event that gets no answer but a Lambda error, and returns
// the error.
func (g *Gateway) refuse(ctx context.Context, err error) error {
	g.LogWarn(ctx, "event refused", slog.String("error", err.Error()))
	return err
}
