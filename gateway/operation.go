package gateway

import (
	"fmt"
	"strings"
)

// Operation is a universal operation that Execute routes to an interface.
// Like Interface, its values are dense and index the fast-path table.
type Operation uint8

// The thirteen universal operations of the original plan (GET to RESTORE),
// then those the interfaces really need (LOG to PARSE). Routes lists which
// pairs of an interface and an operation Execute serves.
const (
	OpGet Operation = iota
	OpSet
	OpDelete
	OpCreate
	OpUpdate
	OpValidate
	OpCheck
	OpStatus
	OpOptimize
	OpCleanup
	OpReset
	OpBackup
	OpRestore
	OpLog
	OpRecord
	OpExecute
	OpRequest
	OpFlush
	OpParse
	numOperations
)

var operationNames = [numOperations]string{
	OpGet:      "GET",
	OpSet:      "SET",
	OpDelete:   "DELETE",
	OpCreate:   "CREATE",
	OpUpdate:   "UPDATE",
	OpValidate: "VALIDATE",
	OpCheck:    "CHECK",
	OpStatus:   "STATUS",
	OpOptimize: "OPTIMIZE",
	OpCleanup:  "CLEANUP",
	OpReset:    "RESET",
	OpBackup:   "BACKUP",
	OpRestore:  "RESTORE",
	OpLog:      "LOG",
	OpRecord:   "RECORD",
	OpExecute:  "EXECUTE",
	OpRequest:  "REQUEST",
	OpFlush:    "FLUSH",
	OpParse:    "PARSE",
}

// Operations lists every operation in table order.
func Operations() []Operation {
	out := make([]Operation, numOperations)
	for i := range out {
		out[i] = Operation(i)
	}
	return out
}

// Valid reports whether op is a defined operation.
func (op Operation) Valid() bool { return op < numOperations }

// String returns the operation's upper-case name, e.g. "GET".
func (op Operation) String() string {
	if !op.Valid() {
		return fmt.Sprintf("operation(%d)", uint8(op))
	}
	return operationNames[op]
}

// ParseOperation maps an operation name to its Operation, ignoring case and
// surrounding spaces.
func ParseOperation(s string) (Operation, error) {
	name := strings.ToUpper(strings.TrimSpace(s))
	for i, n := range operationNames {
		if n == name {
			return Operation(i), nil
		}
	}
	return 0, fmt.Errorf("gateway: parse operation %q: want one of %s", s, strings.Join(operationNames[:], ", "))
}
