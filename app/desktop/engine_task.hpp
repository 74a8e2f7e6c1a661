// Running an engine call (init, analyze, export) off the UI thread behind a progress dialog that
// can cancel it. Cancelling throws from the engine's next progress report; the engine writes its
// outputs under temporary names, so a cancelled task leaves nothing behind.
#pragma once
#include <QString>
#include <QWidget>
#include <functional>

#include "gis/analysis/progress.hpp"

namespace parkatlas::desktop {

struct TaskCancelled : std::exception {
  const char* what() const noexcept override { return "cancelled"; }
};

enum class TaskOutcome { done, cancelled, failed };

// Runs `work` on a worker thread while a modal progress dialog shows its stages; `error` gets the
// exception's message when it fails.
TaskOutcome run_engine_task(QWidget* parent, const QString& title,
                            const std::function<void(Progress&)>& work, QString* error);

}  // namespace parkatlas::desktop
