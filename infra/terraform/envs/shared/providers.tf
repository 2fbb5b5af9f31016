provider "aws" {
  region              = "ap-northeast-1"
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = {
      Project     = "kurashi"
      Environment = "shared"
      Service     = "platform"
      ManagedBy   = "terraform"
      Repository  = var.repository
    }
  }
}

# AWS Chatbot has no API in ap-northeast-1; its Slack configuration is created through the nearest region
# that has one (us-east-2, us-west-2, eu-west-1, ap-southeast-1).
provider "aws" {
  alias               = "chatbot"
  region              = "ap-southeast-1"
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = {
      Project     = "kurashi"
      Environment = "shared"
      Service     = "platform"
      ManagedBy   = "terraform"
      Repository  = var.repository
    }
  }
}
