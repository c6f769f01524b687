package main

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"gongkai/internal/secret"
)

// Key rotation for applicants' personal data (internal/secret):
//
//  1. gongkai secret add-key      a new key becomes the primary; old keys stay
//     (with GONGKAI_KEY: gongkai secret new-key, put it first in GONGKAI_KEY)
//  2. restart the service         so new data is written with the new key
//  3. gongkai secret rotate       re-encrypts every row with the primary key
//  4. gongkai secret remove-key   drops the old key once no row uses it
//     (with GONGKAI_KEY: remove it from the variable)
//
// Back up the key file with the database: without it the ID numbers,
// phones and addresses cannot be read.
var runSecret = group("secret", []command{
	{"status", "显示密钥及其加密的数据条数: secret status", runSecretStatus},
	{"add-key", "在密钥文件中生成新的主密钥（旧密钥保留用于解密）", runSecretAddKey},
	{"new-key", "生成一个新密钥并显示（用于 GONGKAI_KEY 环境变量）", runSecretNewKey},
	{"rotate", "用主密钥重新加密全部个人信息", runSecretRotate},
	{"remove-key", "删除不再使用的旧密钥: secret remove-key 密钥编号", runSecretRemoveKey},
})

func runSecretStatus(ctx context.Context, args []string, s streams) error {
	cfg, _, err := parseData("secret status", args, nil)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	kr, err := st.Keyring()
	if err != nil {
		return err
	}
	usage, err := st.KeyUsage(ctx)
	if err != nil {
		return err
	}
	from := "密钥文件 " + cfg.SecretKeyFile()
	if cfg.Key != "" {
		from = "环境变量 GONGKAI_KEY"
	}
	fmt.Fprintf(s.out, "密钥来源: %s\n", from)
	for i, id := range kr.IDs() {
		role := "旧密钥"
		if i == 0 {
			role = "主密钥"
		}
		fmt.Fprintf(s.out, "  %s  %s  密文 %d 个\n", id, role, usage[id])
		delete(usage, id)
	}
	missing := make([]string, 0, len(usage))
	for id := range usage {
		missing = append(missing, id)
	}
	sort.Strings(missing)
	for _, id := range missing {
		fmt.Fprintf(s.out, "  %s  缺失!  %d 个密文无法解密，请找回该密钥\n", id, usage[id])
	}
	return nil
}

func runSecretAddKey(ctx context.Context, args []string, s streams) error {
	cfg, _, err := parseData("secret add-key", args, nil)
	if err != nil {
		return err
	}
	if cfg.Key != "" {
		return errors.New("密钥由环境变量 GONGKAI_KEY 提供：请用 gongkai secret new-key 生成新密钥，并把它放在 GONGKAI_KEY 的最前面")
	}
	if _, _, err := secret.Load(cfg.SecretKeyFile(), ""); err != nil {
		return err
	}
	id, err := secret.AddKey(cfg.SecretKeyFile())
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "已生成新的主密钥 %s。请重启服务，然后执行 gongkai secret rotate\n", id)
	return nil
}

func runSecretNewKey(_ context.Context, args []string, s streams) error {
	if _, _, err := parseData("secret new-key", args, nil); err != nil {
		return err
	}
	k, err := secret.GenerateKey()
	if err != nil {
		return err
	}
	fmt.Fprintln(s.out, k.Encode())
	return nil
}

func runSecretRotate(ctx context.Context, args []string, s streams) error {
	cfg, _, err := parseData("secret rotate", args, nil)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.RotateKeys(ctx, 500)
	if err != nil {
		return fmt.Errorf("已重新加密 %d 条后出错（可再次执行以继续）: %w", n, err)
	}
	kr, _ := st.Keyring()
	fmt.Fprintf(s.out, "已用主密钥 %s 重新加密 %d 条数据\n", kr.Primary().ID, n)
	return nil
}

func runSecretRemoveKey(ctx context.Context, args []string, s streams) error {
	cfg, fs, err := parseData("secret remove-key", args, nil, "密钥编号")
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("请给出要删除的密钥编号，例如: gongkai secret remove-key 1a2b3c4d")
	}
	id := fs.Arg(0)
	if cfg.Key != "" {
		return errors.New("密钥由环境变量 GONGKAI_KEY 提供：请直接从 GONGKAI_KEY 中删除该密钥")
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	usage, err := st.KeyUsage(ctx)
	if err != nil {
		return err
	}
	if n := usage[id]; n > 0 {
		return fmt.Errorf("仍有 %d 条数据使用密钥 %s 加密，请先执行 gongkai secret rotate", n, id)
	}
	if err := secret.RemoveKey(cfg.SecretKeyFile(), id); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "已删除密钥 %s\n", id)
	return nil
}
