// Status and Result: expected failures as values at module boundaries.
//
// A Status is either OK or carries a kind and a message. Messages are
// user-facing and written in French by the module that detects the problem
// (it knows the file, line and offending text); front ends print them as is.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace passerelle {

class Status {
 public:
  enum class Kind {
    kOk,
    kNotFound,         // a file, certification or candidate does not exist
    kInvalidArgument,  // bad input: unreadable or malformed document
    kCorruption,       // stored data (workspace, index) is damaged
    kIOError,          // the system refused a read or a write
    kUnsupported,      // a valid input we do not handle (format, scan PDF)
    kConflict,         // a write based on a value that changed since it was read
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return {Kind::kNotFound, std::move(msg)}; }
  static Status InvalidArgument(std::string msg) {
    return {Kind::kInvalidArgument, std::move(msg)};
  }
  static Status Corruption(std::string msg) { return {Kind::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {Kind::kIOError, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {Kind::kUnsupported, std::move(msg)}; }
  static Status Conflict(std::string msg) { return {Kind::kConflict, std::move(msg)}; }

  bool ok() const { return kind_ == Kind::kOk; }
  Kind kind() const { return kind_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is prefixed with `context` ("fichier X : ").
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(kind_, context + message_);
  }

 private:
  Status(Kind kind, std::string message) : kind_(kind), message_(std::move(message)) {}
  Kind kind_ = Kind::kOk;
  std::string message_;
};

// Result<T>: a value or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT
  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace passerelle
