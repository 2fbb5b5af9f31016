# Placeholders for the values of the real accounts and workspace: replace them when adopting Kurashi.
account_id           = "333333333333"
workload_account_ids = ["111111111111", "222222222222"]
repository           = "kurashi-dev/kurashi"
slack_team_id        = "T00000000"
slack_channel_id     = "C00SHARED"
