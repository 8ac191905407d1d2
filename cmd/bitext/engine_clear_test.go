package main

import (
	"testing"

	"bitext/translate"
)

func TestClearCredentials(t *testing.T) {
	for _, tc := range []struct {
		engine, url, key, want string
	}{
		{"libretranslate", "http://mt.newsroom.lan:5000", "k", "mt.newsroom.lan:5000"},
		{"libretranslate", "HTTP://10.0.0.7:5000/", "k", "10.0.0.7:5000"},
		{"openai", "http://user:secret@llm.example:8000/v1", "k", "llm.example:8000"}, // userinfo never shown
		{"google", "http://translate.example", "", "translate.example"},               // the access token
		{"libretranslate", "http://mt.newsroom.lan:5000", "", ""},                     // nothing secret sent
		{"libretranslate", "https://mt.newsroom.lan", "k", ""},
		{"libretranslate", "http://localhost:5000", "k", ""},
		{"openai", "http://LLM.localhost:11434/v1", "k", ""},
		{"libretranslate", "http://127.0.0.1:5000", "k", ""},
		{"libretranslate", "http://[::1]:5000", "k", ""},
		{"libretranslate", "", "k", ""},
	} {
		got := clearCredentials(tc.engine, translate.Config{URL: tc.url, Key: tc.key})
		if got != tc.want {
			t.Errorf("clearCredentials(%s, %q, key %q) = %q, want %q", tc.engine, tc.url, tc.key, got, tc.want)
		}
	}
}
