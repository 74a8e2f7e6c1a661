// Engine tasks with a cancellable progress dialog.
#include "app/desktop/engine_task.hpp"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <mutex>

namespace parkatlas::desktop {

namespace {

// Stage and fraction shared between the worker and the dialog (polled by a timer).
class SharedProgress : public Progress {
 public:
  void begin(std::string_view stage, long long total) override {
    check();
    std::lock_guard lock(mutex_);
    stage_ = QString::fromUtf8(stage.data(), static_cast<qsizetype>(stage.size()));
    total_ = total;
    done_ = 0;
  }
  void advance(long long done) override {
    check();
    done_ = done;
  }
  void end() override { check(); }
  void cancel() { cancelled_ = true; }
  QString stage() const {
    std::lock_guard lock(mutex_);
    return stage_;
  }
  int percent() const {
    const long long t = total_;
    return t > 0 ? static_cast<int>(100 * done_ / t) : -1;
  }

 private:
  void check() const {
    if (cancelled_) throw TaskCancelled();
  }
  mutable std::mutex mutex_;
  QString stage_;
  std::atomic<long long> total_{0}, done_{0};
  std::atomic<bool> cancelled_{false};
};

}  // namespace

TaskOutcome run_engine_task(QWidget* parent, const QString& title,
                            const std::function<void(Progress&)>& work, QString* error) {
  auto progress = std::make_shared<SharedProgress>();
  QProgressDialog dialog(title, QObject::tr("Cancel"), 0, 100, parent);
  dialog.setWindowTitle(title);
  dialog.setWindowModality(Qt::WindowModal);
  dialog.setMinimumDuration(0);
  dialog.setValue(0);
  QFutureWatcher<QString> watcher;
  QEventLoop loop;
  QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
  QObject::connect(&dialog, &QProgressDialog::canceled, [progress] { progress->cancel(); });
  watcher.setFuture(QtConcurrent::run([work, progress]() -> QString {
    try {
      work(*progress);
      return {};
    } catch (const TaskCancelled&) {
      return QStringLiteral("\x01cancelled");
    } catch (const std::exception& e) {
      return QString::fromUtf8(e.what());
    }
  }));
  QTimer timer;
  QObject::connect(&timer, &QTimer::timeout, [&] {
    if (dialog.wasCanceled()) progress->cancel();  // also when cancelled without the button
    const QString stage = progress->stage();
    if (!stage.isEmpty()) dialog.setLabelText(title + "\n" + stage);
    const int p = progress->percent();
    if (p >= 0) {
      dialog.setMaximum(100);
      dialog.setValue(std::min(99, p));
    } else {
      dialog.setMaximum(0);  // busy indicator
    }
  });
  timer.start(100);
  loop.exec();
  timer.stop();
  const QString result = watcher.result();
  if (result.isEmpty()) return TaskOutcome::done;
  if (result == QStringLiteral("\x01cancelled")) return TaskOutcome::cancelled;
  if (error) *error = result;
  return TaskOutcome::failed;
}

}  // namespace parkatlas::desktop
