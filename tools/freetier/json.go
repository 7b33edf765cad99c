package freetier

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON prints the estimate as one indented JSON object, for scripts and
// for the benchmark report to embed.
func WriteJSON(w io.Writer, e Estimate) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(e); err != nil {
		return fmt.Errorf("write estimate JSON: %w", err)
	}
	return nil
}
