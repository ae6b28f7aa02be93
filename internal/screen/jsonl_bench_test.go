package screen

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"testing"
)

// BenchmarkRunJSONL is the `bouclier screen` loop on the benchmark messages
// (one line per op), so its overhead over BenchmarkCheck shows the cost of
// reading, decoding, encoding and writing a line.
func BenchmarkRunJSONL(b *testing.B) {
	e := New(DefaultConfig())
	var lines [][]byte
	for i, m := range benchMessages {
		t, _ := json.Marshal(m)
		lines = append(lines, []byte(`{"id": `+strconv.Itoa(i)+`, "text": `+string(t)+`, "role": "parent"}`+"\n"))
	}
	for _, l := range lines { // load the morphology table and the model once
		if err := RunJSONL(e, bytes.NewReader(l), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	var in bytes.Buffer
	for i := 0; i < b.N; i++ {
		in.Write(lines[i%len(lines)])
	}
	b.SetBytes(int64(in.Len() / b.N))
	b.ReportAllocs()
	b.ResetTimer()
	if err := RunJSONL(e, &in, io.Discard); err != nil {
		b.Fatal(err)
	}
}
