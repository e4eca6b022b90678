// Command loadtest measures the story page API under concurrent clients on
// loopback: it lists stories from a running `crosscheck serve`, then has C
// clients fetch story reports (/api/stories/{id}) for a bounded number of
// requests and prints p50/p90/p99 latency and throughput.
//
//	go run ./scripts/loadtest -url http://127.0.0.1:8080 -c 50 -n 20000
//
// It only talks to loopback addresses.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "server base URL (loopback only)")
	conc := flag.Int("c", 50, "concurrent clients")
	total := flag.Int("n", 20000, "total requests")
	path := flag.String("path", "", "fixed path to hit instead of story reports")
	flag.Parse()
	u, err := url.Parse(*base)
	if err != nil {
		log.Fatal(err)
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		log.Fatalf("loadtest: %s is not a loopback address", host)
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *conc}}
	var paths []string
	if *path != "" {
		paths = []string{*path}
	} else {
		resp, err := client.Get(*base + "/api/stories?limit=500")
		if err != nil {
			log.Fatal(err)
		}
		var list struct {
			Stories []struct{ ID string } `json:"stories"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		for _, s := range list.Stories {
			paths = append(paths, "/api/stories/"+s.ID)
		}
		if len(paths) == 0 {
			log.Fatal("loadtest: the server has no stories")
		}
	}
	lat := make([]time.Duration, *total)
	var next, failed, bytes int64
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < *conc; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := atomic.AddInt64(&next, 1) - 1
				if i >= int64(*total) {
					return
				}
				t0 := time.Now()
				resp, err := client.Get(*base + paths[int(i)%len(paths)])
				if err != nil {
					atomic.AddInt64(&failed, 1)
					lat[i] = time.Since(t0)
					continue
				}
				n, _ := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				atomic.AddInt64(&bytes, n)
				if resp.StatusCode != 200 {
					atomic.AddInt64(&failed, 1)
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	sort.Slice(lat, func(a, b int) bool { return lat[a] < lat[b] })
	q := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))] }
	fmt.Fprintf(os.Stdout, "requests %d, clients %d, distinct paths %d, failed %d\n", *total, *conc, len(paths), failed)
	fmt.Fprintf(os.Stdout, "throughput %.0f req/s, %.1f MB/s\n", float64(*total)/el.Seconds(), float64(bytes)/el.Seconds()/1e6)
	fmt.Fprintf(os.Stdout, "latency p50 %v  p90 %v  p99 %v  max %v\n", q(0.5).Round(time.Microsecond), q(0.9).Round(time.Microsecond), q(0.99).Round(time.Microsecond), lat[len(lat)-1].Round(time.Microsecond))
}
