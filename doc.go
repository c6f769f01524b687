// Package gongkai is the root of Gongkai (公开), an open-source platform
// that runs a Chinese government agency's 政务公开 work end to end. The
// binary is cmd/gongkai; CONTRIBUTING.md maps every package. This package
// holds only repository-wide tests (the package map must stay true).
package gongkai
